# Benchmarks: the synthetic corpus, the benchmarks and the report against the
# targets (docs/benchmarks.md). Included by the Makefile; not part of `make test`.

CORPUS ?= $(or $(TMPDIR),/tmp)/permgen-corpus
SEED ?= 1
# Debian's interpreter, where python3-bs4 installs (a pyenv shim would not see it).
PYTHON ?= /usr/bin/python3
BENCH_RUNS ?= 3

.PHONY: corpus bench-deps bench-all

## corpus: write the synthetic corpus (300 products, 21,000 actions) to CORPUS
corpus:
	@if [ -e '$(CORPUS)' ]; then \
	  grep -qs 'synthetic: internal/synth' '$(CORPUS)/manifest.json' || \
	    { echo "$(CORPUS) exists and is not a synthetic corpus; set CORPUS=<new folder>"; exit 1; }; \
	  rm -rf '$(CORPUS)'; \
	fi
	$(GO) run ./internal/synth/cmd -out '$(CORPUS)' -seed $(SEED)

## bench-deps: install Debian's python3-bs4 for the BeautifulSoup peer if missing
bench-deps:
	@$(PYTHON) -c 'import bs4' 2>/dev/null || { \
	  echo "installing python3-bs4 for the BeautifulSoup peer"; \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq python3-bs4; \
	}
	@$(PYTHON) -c 'import bs4'

## bench-all: every benchmark, then the report of each figure against its target
bench-all: corpus bench-deps
	PERMGEN_BENCH_CORPUS='$(CORPUS)' $(GO) test -run '^$$' -bench . -benchmem ./templates/... ./internal/...
	PERMGEN_BENCH=1 PERMGEN_BENCH_CORPUS='$(CORPUS)' PERMGEN_BENCH_PYTHON='$(PYTHON)' PERMGEN_BENCH_RUNS=$(BENCH_RUNS) \
	  $(GO) test -run '^TestReport$$' -v -count=1 -timeout 20m ./internal/bench
