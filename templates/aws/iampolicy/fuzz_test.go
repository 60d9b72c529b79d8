package iampolicy

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/aws/iamarn"
)

// fuzzRequests are the requests every fuzzed policy is decided against.
func fuzzRequests() []*Request {
	var out []*Request
	for _, r := range []Request{
		req("s3:GetObject", "arn:aws:s3:::b/home/alice/x", "aws:username", "alice", "aws:SourceIp", "10.1.2.3"),
		req("ec2:RunInstances", "*", "aws:PrincipalTag/team", "blue", "[]aws:TagKeys", "env,team"),
		req("iam:PassRole", "arn:aws:iam::111122223333:role/x", "aws:MultiFactorAuthAge", "30"),
		req("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/secret"),
	} {
		r := r
		out = append(out, &r)
	}
	return out
}

func seedPolicies(f *testing.F) {
	for _, rs := range [][]rule{rules, failClosedRules} {
		for _, r := range rs {
			for _, c := range r.cases {
				for _, p := range c.policies {
					f.Add([]byte(p))
				}
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

// FuzzUndecodableGrantsNothing: bytes that do not decode leave no policy that
// allows anything, whichever way they are read (Parse, json.Unmarshal).
func FuzzUndecodableGrantsNothing(f *testing.F) {
	seedPolicies(f)
	f.Add([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"*","Resource":"*"}}`))
	f.Add([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"office"}}}}`))
	reqs := fuzzRequests()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err == nil {
			return
		}
		if p != nil {
			t.Fatalf("Parse returned a policy with its error %v", err)
		}
		var q Policy
		if json.Unmarshal(data, &q) == nil {
			t.Fatalf("json.Unmarshal accepted what Parse refused (%v)", err)
		}
		for _, r := range reqs {
			if d := Evaluate(r, &q); d.Allowed() {
				t.Fatalf("undecodable policy allowed %s: %v", r.Action, d.String())
			}
		}
	})
}

// FuzzDenyStaysDenied: adding a policy (any statements) never turns an explicit
// deny into an allow, whatever role the added policy plays.
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
				if after := EvaluateAll(r, ps); after.Outcome != ExplicitDeny && after.Outcome != Refused {
					t.Fatalf("%s: deny became %v after adding\n%s", r.Action, after.String(), data)
				}
			}
		}
	})
}

// FuzzAddingDenyNeverAllows and removing an Allow never allows: decisions are
// monotone in the statements.
func FuzzAddingDenyOrRemovingAllowNeverAllows(f *testing.F) {
	seedPolicies(f)
	reqs := fuzzRequests()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		for _, r := range reqs {
			before := Evaluate(r, p)
			if before.Allowed() {
				continue
			}
			for i, s := range p.Statement {
				// Every statement turned into a Deny, added as a policy.
				d := *p
				d.Statement = []Statement{s}
				d.Statement[0].Effect = EffectDeny
				if after := Evaluate(r, p, &d); after.Allowed() {
					t.Fatalf("%s: adding statement %d as a Deny allowed: %v\n%s", r.Action, i, after.String(), data)
				}
				// Statement i removed, if it is an Allow.
				if s.Effect != EffectAllow || len(p.Statement) < 2 {
					continue
				}
				q := *p
				q.Statement = append(append([]Statement(nil), p.Statement[:i]...), p.Statement[i+1:]...)
				if after := Evaluate(r, &q); after.Allowed() {
					t.Fatalf("%s: removing Allow %d allowed: %v\n%s", r.Action, i, after.String(), data)
				}
			}
		}
	})
}

// unknownCase is a request with unknowns and the concrete values that can
// complete it.
type unknownCase struct {
	req         Request
	completions []func(r *Request)
}

func unknownCases() []unknownCase {
	accounts := []string{"111122223333", "444455556666", "*", "a"}
	keyValues := []string{"", "blue", "red", "10.1.2.3", "true", "false", "2026-01-01T00:00:00Z", "30", "arn:aws:iam::111122223333:role/x"}
	var out []unknownCase
	table := unknownParts(req("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:${Account}:table/secret"), "Account")
	c := unknownCase{req: table}
	for _, a := range accounts {
		c.completions = append(c.completions, func(r *Request) {
			r.Resource = strings.ReplaceAll(r.Resource, "${Account}", a)
			r.Unknown.Parts = nil
		})
	}
	out = append(out, c)
	fn := unknownParts(req("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111122223333:function:${FunctionName}"), "FunctionName")
	c = unknownCase{req: fn}
	for _, n := range []string{"admin-x", "f", "a:b", "*"} {
		c.completions = append(c.completions, func(r *Request) {
			r.Resource = strings.ReplaceAll(r.Resource, "${FunctionName}", n)
			r.Unknown.Parts = nil
		})
	}
	out = append(out, c)
	for _, base := range []Request{req("s3:GetObject", "arn:aws:s3:::b/home/alice/x", "aws:username", "alice"), req("ec2:RunInstances", "*")} {
		c = unknownCase{req: unknownKeys(base, "*")}
		for _, k := range []string{"aws:PrincipalTag/team", "aws:SourceIp", "aws:SecureTransport", "aws:CurrentTime", "aws:MultiFactorAuthAge", "aws:username", "aws:SourceArn"} {
			for _, v := range keyValues {
				c.completions = append(c.completions, func(r *Request) {
					r.Unknown.Keys = nil
					r.Context = Context{entries: append([]ContextEntry(nil), r.Context.entries...)}
					if _, ok := r.Context.Get(k); !ok {
						r.Context.Set(k, v)
					}
				})
			}
		}
		c.completions = append(c.completions, func(r *Request) { r.Unknown.Keys = nil }) // every key absent
		out = append(out, c)
	}
	c = unknownCase{req: unknownResource(req("s3:GetObject", "*"))}
	for _, res := range []string{"arn:aws:s3:::b/home/alice/x", "arn:aws:s3:::photos/secret/a*.txt", "*"} {
		c.completions = append(c.completions, func(r *Request) { r.Resource, r.Unknown.Resource = res, false })
	}
	out = append(out, c)
	return out
}

// FuzzUnknownNeverAllowsWhatACompletionDenies: a request with unknowns is allowed
// only when every concrete completion tried is allowed too.
func FuzzUnknownNeverAllowsWhatACompletionDenies(f *testing.F) {
	seedPolicies(f)
	f.Add([]byte(stmt(cond("Deny", "dynamodb:*", "arn:aws:dynamodb:us-east-1:111122223333:table/secret", ""), cond("Allow", "*", "*", ""))))
	cases := unknownCases()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		for _, c := range cases {
			r := c.req
			if d := Evaluate(&r, p); !d.Allowed() {
				continue
			}
			for i, complete := range c.completions {
				cr := c.req
				complete(&cr)
				if d := Evaluate(&cr, p); !d.Allowed() {
					t.Fatalf("%s %s allowed with unknowns %+v, but completion %d (%s, %v) is %v\n%s",
						c.req.Action, c.req.Resource, c.req.Unknown, i, cr.Resource, cr.Context.Entries(), d.String(), data)
				}
			}
		}
	})
}

// FuzzMatcherAgreesWithIamarn holds the evaluator's ARN matcher to iamarn.Match:
// where the User Guide's two readings of ARN wildcards agree (no '*' ending one of
// the first five segments, six parts), one answer; elsewhere iamarn.Match's answer
// is within the evaluator's (maybe).
func FuzzMatcherAgreesWithIamarn(f *testing.F) {
	for _, p := range []string{"*", "arn:aws:s3:::b/*", "arn:aws:s3:::b*", "arn:aws:s3", "arn:aws:ec2:*", "arn:*:s3:::b/k",
		"arn:aws:ec2:us-east-1*:instance/*", "arn:aws:ec2:*:*:instance/i-?", "arn:aws:lambda:*:*:function:f:*", "arn:?:?", "*k"} {
		for _, a := range []string{"arn:aws:s3:::b/k", "arn:aws:ec2:us-east-1:123:instance/i-1", "arn:aws:lambda:us-east-1:1:function:f:2", "arn::", "*"} {
			f.Add(p, a)
		}
	}
	f.Fuzz(func(t *testing.T, pattern, arn string) {
		if arn == "" {
			return // no request names an empty resource ("*" is the action on none)
		}
		got, st := matchARN(pattern, arn, false, nil)
		if st != vOK {
			t.Fatalf("no variables, yet state %v", st)
		}
		want := iamarn.Match(pattern, arn)
		pp, full := splitARN(pattern)
		_, arnOK := splitARN(arn)
		switch {
		case want && got == no, !want && got == yes:
			t.Fatalf("Match(%q, %q): evaluator %v, iamarn.Match %v", pattern, arn, got, want)
		case arnOK && !spans(pp, full) && got == maybe:
			t.Fatalf("Match(%q, %q): the readings agree, yet the evaluator says maybe", pattern, arn)
		}
	})
}
