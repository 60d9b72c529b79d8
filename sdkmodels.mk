# sdkmodels.mk: `make sdk-models` freezes the AWS API models of the JavaScript SDK
# v2's last npm package (the Smithy models aws-sdk-go-v2 is generated from) as the
# test table sdk/awsperm/testdata/sdkjs/aws-sdk-js-models.tsv.gz, which the guard's
# whole-SDK coverage test reads (docs/sdk-coverage.md). Needs npm; not part of
# `make test`, which reads the frozen table only.
.PHONY: sdk-models

SDK_MODELS_PACKAGE ?= aws-sdk
SDK_MODELS_VERSION ?= 2.1693.0
# the package's release date (npm view aws-sdk time), written into the table
SDK_MODELS_DATE ?= 2025-12-09
SDK_MODELS_OUT ?= sdk/awsperm/testdata/sdkjs/aws-sdk-js-models.tsv.gz

## sdk-models: npm pack aws-sdk@SDK_MODELS_VERSION into a temporary folder and freeze its models' service IDs, signing names and operations
sdk-models:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	echo "sdk-models: npm pack $(SDK_MODELS_PACKAGE)@$(SDK_MODELS_VERSION) into $$tmp" && \
	(cd "$$tmp" && npm pack --silent $(SDK_MODELS_PACKAGE)@$(SDK_MODELS_VERSION) >/dev/null && tar -xzf $(SDK_MODELS_PACKAGE)-$(SDK_MODELS_VERSION).tgz package/apis) && \
	$(GO) run ./internal/awsops/jsmodels -apis "$$tmp/package/apis" -version $(SDK_MODELS_VERSION) -date $(SDK_MODELS_DATE) -o $(SDK_MODELS_OUT)
