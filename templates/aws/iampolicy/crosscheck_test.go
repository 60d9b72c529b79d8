package iampolicy

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// frozenCase is one case of `make crosscheck`, kept with the decision expected:
// the one both engines agreed on (crosscheck_agreed.jsonl), or ours where they
// disagreed for a documented reason (crosscheck_disagreed.jsonl, see
// docs/aws-evaluation.md).
type frozenCase struct {
	ID              int               `json:"id"`
	Note            string            `json:"note"`
	Request         json.RawMessage   `json:"request"`
	Identity        []json.RawMessage `json:"identity"`
	Boundary        json.RawMessage   `json:"boundary"`
	ResourcePolicy  json.RawMessage   `json:"resourcePolicy"`
	ResourceAccount string            `json:"resourceAccount"`
	Expect          string            `json:"expect"`
}

func loadFrozen(t testing.TB, path string) []frozenCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []frozenCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var c frozenCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func (c *frozenCase) policies(t testing.TB) (*Request, Policies) {
	t.Helper()
	r, err := ParseRequest(c.Request)
	if err != nil {
		t.Fatalf("case %d: %v", c.ID, err)
	}
	ps := Policies{ResourceAccount: c.ResourceAccount}
	for _, p := range c.Identity {
		ps.Identity = append(ps.Identity, mustParse(t, string(p)))
	}
	if len(c.Boundary) > 0 && string(c.Boundary) != "null" {
		ps.Boundary = mustParse(t, string(c.Boundary))
	}
	if len(c.ResourcePolicy) > 0 && string(c.ResourcePolicy) != "null" {
		ps.Resource = mustParse(t, string(c.ResourcePolicy))
	}
	return r, ps
}

func TestFrozenCrosscheck(t *testing.T) {
	for _, file := range []string{"testdata/crosscheck_agreed.jsonl", "testdata/crosscheck_disagreed.jsonl"} {
		cases := loadFrozen(t, file)
		if len(cases) == 0 {
			t.Fatalf("%s: no cases", file)
		}
		for _, c := range cases {
			r, ps := c.policies(t)
			if d := EvaluateAll(r, ps); d.Outcome.String() != c.Expect {
				t.Errorf("%s case %d: got %s, want %s (%s)", file, c.ID, d.String(), c.Expect, c.Note)
			}
		}
	}
}
