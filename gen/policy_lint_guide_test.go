package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/aws/iampolicy"
)

// TestLintGuideExamples lints the IAM User Guide's example policies the
// crosscheck keeps (tools/crosscheck/testdata/guide_examples.json, placeholders
// filled as the crosscheck fills them) with the catalog of ../sources: AWS
// publishes them as valid, so none may get an error. A policy with a Principal
// is linted as a resource-based policy.
func TestLintGuideExamples(t *testing.T) {
	b, err := os.ReadFile("../tools/crosscheck/testdata/guide_examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var gs []struct {
		Page   string          `json:"page"`
		Fill   [][2]string     `json:"fill"`
		Policy json.RawMessage `json:"policy"`
	}
	if err := json.Unmarshal(b, &gs); err != nil {
		t.Fatal(err)
	}
	cat := realAWSCatalog(t)
	for _, g := range gs {
		text := string(g.Policy)
		for _, f := range g.Fill {
			text = strings.ReplaceAll(text, f[0], f[1])
		}
		kind := iampolicy.ManagedPolicy
		if strings.Contains(text, `"Principal"`) || strings.Contains(text, `"NotPrincipal"`) {
			kind = iampolicy.ResourceBasedPolicy
		}
		for _, f := range iampolicy.Lint([]byte(text), iampolicy.LintOptions{Kind: kind, Catalog: cat}) {
			if f.Severity == iampolicy.SeverityError {
				t.Errorf("%s: %s", g.Page, f)
			}
		}
	}
	if len(gs) < 50 {
		t.Fatalf("%d guide examples", len(gs))
	}
}
