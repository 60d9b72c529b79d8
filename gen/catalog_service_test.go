package main

import (
	"strings"
	"testing"
)

// Issue 18 item 7: -service is read without regard to case, as IAM reads prefixes,
// and a name that is no service gets the nearest one.
func TestCatalogServiceIgnoresCaseAndSuggests(t *testing.T) {
	code, stdout, stderr := runGen(t, "catalog", "-in", frozenSources, "-service", "CCC")
	if code != 0 || !strings.HasPrefix(stdout, "ccc:") {
		t.Errorf("catalog -service CCC: exit %d\n%s%s", code, head(stdout), stderr)
	}
	code, _, stderr = runGen(t, "catalog", "-in", frozenSources, "-service", "ccd")
	if code != 2 || !strings.Contains(stderr, `no service "ccd" in `+frozenSources+`; did you mean "ccc"?`) {
		t.Errorf("catalog -service ccd: exit %d, want 2 with a did-you-mean\n%s", code, stderr)
	}
}
