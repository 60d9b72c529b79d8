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

// Issue 18 item 3: in a module of one's own (no sources/), catalog prints the
// compiled-in catalog and says so.
func TestCatalogWithoutSources(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, stderr := runGen(t, "catalog", "-service", "s3", "-format", "json")
	if code != 0 || strings.Count(stdout, `"action":"GetObject"`) != 1 || !strings.Contains(stderr, "compiled into permgen (AWS pages of 20") {
		t.Errorf("catalog without sources: exit %d\n%s%s", code, head(stdout), stderr)
	}
	if code, _, stderr := runGen(t, "catalog", "-in", "mine"); code != 2 {
		t.Errorf("catalog -in mine (missing): exit %d, want 2\n%s", code, stderr)
	}
}
