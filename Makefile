# The two commands a new machine needs: `make generate` and `make test`.
GO ?= go

.PHONY: generate test test-sdk test-refresh check lint vet staticcheck fuzz bench

## generate: regenerate generated/ from sources/, then the catalog compiled into the
## CLI (internal/bundled) for users with no sources/: the //go:generate lines of
## doc.go, which also hold the date of the AWS pages. They build bin/permgen and
## bin/mkbundle (go build: nothing when up to date) and run those, and each skips
## its render when its stamp (permgen.sum) holds: with nothing changed this takes
## a second or two instead of 10 s. A run of another build (go run ./gen ...) has
## another executable, so the next run after it is a full one.
generate:
	$(GO) generate .

## test: fail on stale generated/, then vet and run every test; one line per stage,
## so a long run shows where it is. The nested modules resolve one another through
## go.work (docs/releasing.md); none of them is fetched.
test: check vet test-sdk
	@echo "== make test: go test ./... (the root module; minutes on 2 cores, a line per package)"
	$(GO) test ./...
	@echo "== make test: sdk/tencentcloud (vet, race)"
	cd sdk/tencentcloud && $(GO) vet ./... && $(GO) test -race ./...
	@echo "== make test: every stage passed"

## test-refresh: refresh-proofing: regenerate a copy whose pages changed and run
## every test there; only tests about freshness may depend on sources/
test-refresh:
	PERMGEN_REFRESH_TEST=1 $(GO) test -count=1 -run '^TestRefreshFailsNoUnrelatedTest$$' -timeout 20m ./internal/repotest

## test-sdk: the aws-sdk-go-v2 guard, its own module (sdk/awsperm), vetted and tested
## under the race detector when cgo can build it
test-sdk:
	@echo "== make test-sdk: sdk/awsperm (vet, race when cgo builds)"
	cd sdk/awsperm && $(GO) vet ./... && $(GO) test $$($(GO) env CGO_ENABLED | grep -q 1 && command -v gcc >/dev/null && echo -race) ./...

## check: exit 1 with a diff when generated/ does not match sources/
check:
	@echo "== make check: generated/ matches sources/"
	$(GO) run ./gen check

## lint: print every anomaly found in the sources
lint:
	$(GO) run ./gen lint

vet:
	@echo "== make vet: gofmt, go vet (the root module, then each nested one)"
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./...
	@# The nested modules (docs/aws-layout.md) are outside ./...; go.work resolves
	@# them from this checkout.
	@for m in generated/aws generated/gcp generated/tencentcloud examples/aws examples/awspolicy examples/sdkrecord; do if [ -f $$m/go.mod ]; then echo "go vet ($$m)"; (cd $$m && $(GO) vet ./...) || exit 1; fi; done

## staticcheck: the linter, pinned (go run downloads it once into the module cache)
STATICCHECK_VERSION ?= v0.8.2
staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

## fuzz: run every fuzz target of the module for FUZZTIME (default 30s); a target
## that fails with Go 1.26's coordinator deadline flake is retried once, and said so
FUZZTIME ?= 30s
fuzz:
	GO='$(GO)' FUZZTIME='$(FUZZTIME)' .ci/fuzz

## bench: the synthetic corpus, every benchmark, and the report of each figure
## against its target (docs/benchmarks.md); installs python3-bs4 for the peer when
## run as root, else says how and skips the peer
bench: bench-all

include bench.mk

include crosscheck.mk

include sdkmodels.mk
