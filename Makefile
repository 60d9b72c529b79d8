# The two commands a new machine needs: `make generate` and `make test`.
GO ?= go

.PHONY: generate test test-sdk check lint vet staticcheck fuzz bench

## generate: regenerate generated/ from sources/ (same as go generate ./...)
generate:
	$(GO) run ./gen generate

## test: fail on stale generated/, then vet and run every test
test: check vet test-sdk
	$(GO) test ./...
	cd sdk/tencentcloud && $(GO) vet ./... && $(GO) test -race ./...

## test-sdk: the aws-sdk-go-v2 guard, its own module (sdk/awsv2), vetted and tested
## under the race detector when cgo can build it
test-sdk:
	cd sdk/awsv2 && $(GO) vet ./... && $(GO) test $$($(GO) env CGO_ENABLED | grep -q 1 && command -v gcc >/dev/null && echo -race) ./...

## check: exit 1 with a diff when generated/ does not match sources/
check:
	$(GO) run ./gen check

## lint: print every anomaly found in the sources
lint:
	$(GO) run ./gen lint

vet:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./...
	@# generated/aws and examples/aws are nested modules (docs/aws-layout.md): ./... stops at them.
	@for m in generated/aws examples/aws examples/awspolicy; do if [ -f $$m/go.mod ]; then echo "go vet ($$m)"; (cd $$m && GOWORK=off $(GO) vet ./...) || exit 1; fi; done

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@latest ./...

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./internal/scrape/tencentcam -run '^$$' -fuzz FuzzScrape -fuzztime $(FUZZTIME)
	$(GO) test ./internal/scrape/scopetable -run '^$$' -fuzz FuzzScrape -fuzztime $(FUZZTIME)
	$(GO) test ./templates/scopes -run '^$$' -fuzz FuzzParseScopes -fuzztime $(FUZZTIME)
	$(GO) test ./templates/cam -run '^$$' -fuzz FuzzParseResource -fuzztime $(FUZZTIME)
	$(GO) test ./templates/cam -run '^$$' -fuzz FuzzPolicyJSON -fuzztime $(FUZZTIME)
	$(GO) test ./templates/cam -run '^$$' -fuzz '^FuzzUndecodableGrantsNothing$$' -fuzztime $(FUZZTIME)
	$(GO) test ./templates/cam -run '^$$' -fuzz '^FuzzAddingDenyNeverAllows$$' -fuzztime $(FUZZTIME)
	$(GO) test ./templates/cam -run '^$$' -fuzz '^FuzzRemovingAllowNeverAllows$$' -fuzztime $(FUZZTIME)
	$(GO) test ./templates/cam -run '^$$' -fuzz '^FuzzEncodeDecodeSameDecision$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/hostile -run '^$$' -fuzz FuzzEmitHostile -fuzztime $(FUZZTIME)
	$(GO) test ./templates/aws/iampolicy -run '^$$' -fuzz FuzzRoundTrip -fuzztime $(FUZZTIME)
	$(GO) test ./templates/aws/iampolicy -run '^$$' -fuzz FuzzDenyStaysDenied -fuzztime $(FUZZTIME)

## bench: the synthetic corpus, every benchmark, and the report of each figure
## against its target (docs/benchmarks.md); installs python3-bs4 for the peer
bench: bench-all

include bench.mk

include crosscheck.mk
