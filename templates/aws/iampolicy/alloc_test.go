package iampolicy

import (
	"fmt"
	"strings"
	"testing"
)

// benchPolicy is 20 statements with conditions of every family, the shape of a
// real team policy.
func benchPolicy(t testing.TB) *Policy {
	var sts []string
	for i := 0; i < 20; i++ {
		sts = append(sts, fmt.Sprintf(`{"Sid":"S%d","Effect":"Allow","Action":["s3:Get*","s3:List*","ec2:Describe%d*"],
"Resource":["arn:aws:s3:::bucket-%d/home/${aws:username}/*","arn:aws:ec2:*:111122223333:instance/*"],
"Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"},"IpAddress":{"aws:SourceIp":["10.0.0.0/8","192.0.2.0/24"]},
"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"},"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},
"ForAllValues:StringLike":{"aws:TagKeys":["env","team*"]},"Bool":{"aws:SecureTransport":"true"}}}`, i, i, i))
	}
	sts = append(sts, `{"Sid":"DenyDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`)
	return mustParse(t, `{"Version":"2012-10-17","Statement":[`+strings.Join(sts, ",")+`]}`)
}

func benchRequest() *Request {
	r := &Request{Principal: alice, Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-19/home/alice/notes.txt"}
	r.Context.Set("aws:username", "alice").Set("aws:PrincipalTag/team", "blue").Set("aws:SourceIp", "10.1.2.3").
		Set("aws:MultiFactorAuthAge", "30").Set("aws:CurrentTime", "2026-11-29T12:00:00Z").Set("aws:SecureTransport", "true").
		SetList("aws:TagKeys", "env", "team-a")
	return r
}

func TestEvaluateAllocatesNothing(t *testing.T) {
	p := benchPolicy(t)
	r := benchRequest()
	if d := Evaluate(r, p); !d.Allowed() || d.Deciding()[0].Sid != "S19" {
		t.Fatalf("bench request: %v", d.String())
	}
	n := testing.AllocsPerRun(100, func() {
		d := Evaluate(r, p)
		_ = d.Outcome
	})
	if n != 0 {
		t.Errorf("Evaluate allocates %v times per call, want 0", n)
	}
}

func BenchmarkEvaluate20Statements(b *testing.B) {
	p := benchPolicy(b)
	r := benchRequest()
	b.ReportAllocs()
	for b.Loop() {
		d := Evaluate(r, p)
		if d.Outcome != Allowed {
			b.Fatal(d.String())
		}
	}
}

// BenchmarkEvaluateWithUnknowns is the same policy for a request whose account
// and principal tag are unknown: the fail-closed path may allocate (it matches
// patterns against the resource's holes), and is measured apart.
func BenchmarkEvaluateWithUnknowns(b *testing.B) {
	p := benchPolicy(b)
	r := benchRequest()
	r.Resource = "arn:aws:s3:::bucket-19/home/alice/notes.txt"
	r.Unknown.Keys = []string{"aws:PrincipalTag/team"}
	r.Context = Context{}
	r.Context.Set("aws:username", "alice").Set("aws:SourceIp", "10.1.2.3").
		Set("aws:MultiFactorAuthAge", "30").Set("aws:CurrentTime", "2026-11-29T12:00:00Z").Set("aws:SecureTransport", "true").
		SetList("aws:TagKeys", "env", "team-a")
	b.ReportAllocs()
	for b.Loop() {
		d := Evaluate(r, p)
		if d.Outcome != ImplicitDeny {
			b.Fatal(d.String())
		}
	}
}
