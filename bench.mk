# Benchmarks: the synthetic corpus, the benchmarks and the report against the
# targets (docs/benchmarks.md). Included by the Makefile; not part of `make test`.

CORPUS ?= $(or $(TMPDIR),/tmp)/permgen-corpus
SEED ?= 1
# Debian's interpreter, where python3-bs4 installs (a pyenv shim would not see it).
PYTHON ?= /usr/bin/python3
BENCH_RUNS ?= 3

.PHONY: corpus bench-deps bench-all bench-aws

## corpus: write the synthetic corpus (300 products, 21,000 actions) to CORPUS
corpus:
	@if [ -e '$(CORPUS)' ]; then \
	  grep -qs 'synthetic: internal/synth' '$(CORPUS)/manifest.json' || \
	    { echo "$(CORPUS) exists and is not a synthetic corpus; set CORPUS=<new folder>"; exit 1; }; \
	  rm -rf '$(CORPUS)'; \
	fi
	$(GO) run ./internal/synth/cmd -out '$(CORPUS)' -seed $(SEED)

## bench-deps: Debian's python3-bs4 for the BeautifulSoup peer. Installed when
## missing and run as root; otherwise the command to run is printed and the peer
## is skipped (the report says so). Never sudo: make asks for no password.
USER_ID ?= $(shell id -u)
APT_GET ?= apt-get
bench-deps:
	@$(PYTHON) -c 'import bs4' 2>/dev/null || { \
	  if [ '$(USER_ID)' = 0 ]; then \
	    echo "installing python3-bs4 for the BeautifulSoup peer"; \
	    $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq python3-bs4; \
	  else \
	    echo "python3-bs4 is missing: install it (as root: apt-get install python3-bs4) for the peer figures; skipping the peer"; \
	  fi; \
	}

## bench-all: every benchmark, then the report of each figure against its target
bench-all: corpus bench-deps
	PERMGEN_BENCH_CORPUS='$(CORPUS)' $(GO) test -run '^$$' -bench . -benchmem ./templates/... ./internal/...
	peer='$(PYTHON)'; $(PYTHON) -c 'import bs4' 2>/dev/null || peer=-; \
	PERMGEN_BENCH=1 PERMGEN_BENCH_CORPUS='$(CORPUS)' PERMGEN_BENCH_PYTHON="$$peer" PERMGEN_BENCH_RUNS=$(BENCH_RUNS) \
	  $(GO) test -run '^TestReport$$' -v -count=1 -timeout 20m ./internal/bench

## bench-aws: only the AWS rows of the report (issue 12: the 533 real pages against
## the BeautifulSoup peer and the tokenizer floor, gen check/generate unchanged)
bench-aws: bench-deps
	peer='$(PYTHON)'; $(PYTHON) -c 'import bs4' 2>/dev/null || peer=-; \
	PERMGEN_BENCH=1 PERMGEN_BENCH_AWS_ONLY=1 PERMGEN_BENCH_PYTHON="$$peer" PERMGEN_BENCH_RUNS=$(BENCH_RUNS) \
	  $(GO) test -run '^TestReport$$' -v -count=1 -timeout 20m ./internal/bench
