package iampolicy

import (
	"encoding/json"
	"testing"
)

// fuzzRequests are the requests every fuzzed policy is decided against.
func fuzzRequests() []*Request {
	var out []*Request
	for _, r := range []Request{
		req("s3:GetObject", "arn:aws:s3:::b/home/alice/x", "aws:username", "alice", "aws:SourceIp", "10.1.2.3"),
		req("ec2:RunInstances", "*", "aws:PrincipalTag/team", "blue", "[]aws:TagKeys", "env,team"),
		req("iam:PassRole", "arn:aws:iam::111122223333:role/x", "aws:MultiFactorAuthAge", "30"),
	} {
		r := r
		out = append(out, &r)
	}
	return out
}

func seedPolicies(f *testing.F) {
	for _, r := range rules {
		for _, c := range r.cases {
			for _, p := range c.policies {
				f.Add([]byte(p))
			}
		}
	}
}

// FuzzRoundTrip: decoding the canonical encoding of a policy gives the same
// policy (same bytes again) and the same decision on every request.
func FuzzRoundTrip(f *testing.F) {
	seedPolicies(f)
	reqs := fuzzRequests()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := Parse(b)
		if err != nil {
			t.Fatalf("canonical form does not parse: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(q)
		if string(b) != string(b2) {
			t.Fatalf("canonical form not stable:\n%s\n%s", b, b2)
		}
		for _, r := range reqs {
			if d1, d2 := Evaluate(r, p), Evaluate(r, q); d1.Outcome != d2.Outcome {
				t.Fatalf("round trip changed %s: %v vs %v\n%s", r.Action, d1.String(), d2.String(), b)
			}
		}
	})
}

// FuzzDenyStaysDenied: adding a policy (any statements) never turns an explicit
// deny into anything else.
func FuzzDenyStaysDenied(f *testing.F) {
	seedPolicies(f)
	reqs := fuzzRequests()
	deny := mustParse(f, stmt(cond("Deny", "*", "*", `{"StringEqualsIfExists":{"aws:PrincipalTag/team":"blue"}}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		extra, err := Parse(data)
		if err != nil {
			return
		}
		for _, r := range reqs {
			before := Evaluate(r, deny)
			if before.Outcome != ExplicitDeny {
				continue
			}
			for _, ps := range []Policies{
				{Identity: []*Policy{deny, extra}},
				{Identity: []*Policy{extra, deny}},
				{Identity: []*Policy{deny}, Boundary: extra},
				{Identity: []*Policy{deny}, Resource: extra},
			} {
				if after := EvaluateAll(r, ps); after.Outcome != ExplicitDeny {
					t.Fatalf("%s: deny became %v after adding\n%s", r.Action, after.String(), data)
				}
			}
		}
	})
}
