package campolicy

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

// conformanceCase is one row of testdata/conformance.json: policies (each a JSON object,
// or a JSON string holding the policy's exact text when it is malformed on purpose), an
// optional permission boundary, a request as ParseRequest reads it, the expected
// decision ("allow", "explicit_deny", "implicit_deny", or "refused" when a policy cannot
// be decoded) and the documentation sentence the expectation rests on.
type conformanceCase struct {
	Name     string            `json:"name"`
	Doc      string            `json:"doc"`
	Policies []json.RawMessage `json:"policies"`
	Boundary json.RawMessage   `json:"boundary"`
	Request  json.RawMessage   `json:"request"`
	Want     string            `json:"want"`
}

func loadConformance(t testing.TB) []conformanceCase {
	b, err := os.ReadFile("testdata/conformance.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []conformanceCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("testdata/conformance.json: %v", err)
	}
	return cases
}

// policyText returns the policy as written: a JSON string holds the text verbatim.
func policyText(raw json.RawMessage) []byte {
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return []byte(s)
		}
	}
	return raw
}

func lookupFake(name string) (cam.ActionInfo, bool) {
	for _, a := range fakeInfo {
		if a.String() == name {
			return a, true
		}
	}
	return cam.ActionInfo{}, false
}

// decide runs one case the way `gen policy eval` does.
func (c conformanceCase) decide() (string, Decision, error) {
	var ps []Policy
	for _, raw := range c.Policies {
		p, err := Parse(policyText(raw))
		if err != nil {
			return "refused", Decision{}, err
		}
		ps = append(ps, p)
	}
	var boundary *Policy
	if len(c.Boundary) > 0 && string(c.Boundary) != "null" {
		b, err := Parse(policyText(c.Boundary))
		if err != nil {
			return "refused", Decision{}, err
		}
		boundary = &b
	}
	req, err := ParseRequest(c.Request, lookupFake)
	if err != nil {
		return "", Decision{}, err
	}
	d := EvaluateAll(&req, Policies{Identity: ps, Boundary: boundary})
	return d.Outcome.Name(), d, nil
}

func TestConformance(t *testing.T) {
	cases := loadConformance(t)
	if len(cases) < 100 {
		t.Errorf("%d cases; the table must keep at least 100", len(cases))
	}
	names := map[string]bool{}
	for _, c := range cases {
		if names[c.Name] {
			t.Errorf("case name %q used twice", c.Name)
		}
		names[c.Name] = true
		if !strings.Contains(c.Doc, "\"") && !strings.Contains(c.Doc, "“") && !strings.HasPrefix(c.Doc, "docs silent") {
			t.Errorf("%s: doc %q quotes no sentence", c.Name, c.Doc)
		}
		got, d, err := c.decide()
		if got == "" {
			t.Errorf("%s: request: %v", c.Name, err)
			continue
		}
		if got != c.Want {
			t.Errorf("%s: got %s, want %s (%s)\n  decision: %v\n  error: %v", c.Name, got, c.Want, c.Doc, d, err)
		}
	}
}
