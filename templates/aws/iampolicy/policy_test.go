package iampolicy

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseRefuses(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"Version":"2012-10-17","Statement":[],"Statement":[]}`, `$: duplicate key "Statement"`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Action":"ec2:*","Resource":"*"}}`, `duplicate key "Action"`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"k":"a","k":"b"}}}}`, `duplicate key "k"`},
		{`{"Version":"2012-10-17","Statment":[]}`, `Statment: unknown policy element`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Actions":"s3:*","Resource":"*"}}`, `Statement[0].Actions: unknown statement element`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:*","Resource":"*"}}`, `Statement[0].Effect: "allow" is neither`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotAction":"ec2:*","Resource":"*"}}`, `Action and NotAction cannot both be present`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","NotResource":"*"}}`, `Resource and NotResource`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqual":{"k":"v"}}}}`, `unknown condition operator "StringEqual"`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}}`, `Null takes neither`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Principal":{"Aws":"*"}}}`, `unknown principal type`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:*",3],"Resource":"*"}}`, `Statement[0].Action[1]: want a string`},
		{`{"Version":"2013-01-01","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`, `Version: "2013-01-01"`},
		{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}} {}`, `data after the policy document`},
		{`[]`, `a policy is a JSON object`},
	} {
		_, err := Parse([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%s) = %v, want an error containing %q", c.in, err, c.want)
		}
	}
}

func TestCanonicalJSON(t *testing.T) {
	in := `{"Statement":{"Resource":["arn:aws:s3:::b/*"],"Condition":{"StringLike":{"s3:prefix":"a/*"},"Bool":{"aws:SecureTransport":true}},
"Action":"s3:GetObject","Effect":"Allow","Sid":"Read","Principal":{"Service":"ec2.amazonaws.com","AWS":["111122223333","arn:aws:iam::111122223333:user/a"]}},
"Id":"p1","Version":"2012-10-17"}`
	p, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"Version":"2012-10-17","Id":"p1","Statement":[{"Sid":"Read","Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:user/a"],"Service":"ec2.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"},"StringLike":{"s3:prefix":"a/*"}}}]}`
	if string(b) != want {
		t.Errorf("canonical form\n got %s\nwant %s", b, want)
	}
	q, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(q)
	if string(b2) != string(b) {
		t.Errorf("not stable:\n%s\n%s", b, b2)
	}
	// Indented output goes through the same encoder.
	if _, err := json.MarshalIndent(p, "", "  "); err != nil {
		t.Error(err)
	}
}

func TestOperatorNames(t *testing.T) {
	for _, name := range []string{"StringEquals", "ForAllValues:StringLikeIfExists", "ForAnyValue:ArnNotLike", "NotIpAddress", "IpAddressIfExists", "Null", "BinaryEquals", "DateGreaterThanEqualsIfExists"} {
		op, err := ParseOperator(name)
		if err != nil || op.String() != name {
			t.Errorf("ParseOperator(%q) = %v, %v", name, op, err)
		}
	}
	if op, _ := ParseOperator("NumericLessThanEquals"); op.Kind.Category() != CategoryNumeric {
		t.Errorf("category of NumericLessThanEquals = %v", op.Kind.Category())
	}
}

func TestParseRequest(t *testing.T) {
	r, err := ParseRequest([]byte(`{"principal":"` + alice + `","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{"aws:username":"alice","aws:TagKeys":["a","b"],"aws:MultiFactorAuthAge":30,"aws:SecureTransport":true}}`))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Context.Get("AWS:USERNAME"); len(v) != 1 || v[0] != "alice" {
		t.Errorf("aws:username = %v", v)
	}
	if e := r.Context.lookup("aws:TagKeys"); e == nil || !e.Multi || len(e.Values) != 2 {
		t.Errorf("aws:TagKeys = %+v", e)
	}
	if v, _ := r.Context.Get("aws:MultiFactorAuthAge"); v[0] != "30" {
		t.Errorf("number = %v", v)
	}
	if v, _ := r.Context.Get("aws:SecureTransport"); v[0] != "true" {
		t.Errorf("bool = %v", v)
	}
	if _, err := ParseRequest([]byte(`{"action":"s3:GetObject","extra":1}`)); err == nil {
		t.Error("unknown request field accepted")
	}
}

// TestEffectIsClosed: "Valid values for Effect are Allow and Deny. The Effect value
// is case sensitive." (reference_policies_elements_effect.html). Effect holds those
// two and nothing else: other text does not read, the zero value does not write.
func TestEffectIsClosed(t *testing.T) {
	for _, e := range []Effect{EffectAllow, EffectDeny} {
		b, err := e.MarshalText()
		var back Effect
		if err != nil || back.UnmarshalText(b) != nil || back != e {
			t.Errorf("%v: MarshalText = %q, %v; read back %v", e, b, err, back)
		}
	}
	for _, s := range []string{"allow", "DENY", "", "Allow "} {
		var e Effect
		if err := e.UnmarshalText([]byte(s)); err == nil || e != 0 {
			t.Errorf("UnmarshalText(%q) = %v, %v; want an error", s, e, err)
		}
	}
	for _, e := range []Effect{0, EffectDeny + 1} {
		if b, err := e.MarshalText(); err == nil {
			t.Errorf("%v.MarshalText() = %q; want an error", e, b)
		}
	}
	p := &Policy{Version: Version2012, Statement: []Statement{{Action: []string{"*"}, Resource: []string{"*"}}}}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), `Statement[0].Effect: is missing; want "Allow" or "Deny"`) {
		t.Errorf("no effect: Validate() = %v", err)
	}
}
