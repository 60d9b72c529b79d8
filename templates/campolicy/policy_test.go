package campolicy

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPolicyExactJSON(t *testing.T) {
	p, err := New(Allow(createStaff).On(app), Allow(createIVR))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]},{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]}]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	if p.String() != want {
		t.Errorf("String() = %s", p.String())
	}
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{ // strings for lists, single statement object
			`{"version":"2.0","statement":{"effect":"allow","action":"ccc:Describe*","resource":"*"}}`,
			`{"version":"2.0","statement":[{"effect":"allow","action":["ccc:Describe*"],"resource":["*"]}]}`,
		},
		{ // principal and condition, scalar condition values, numbers kept as text
			`{"version":"2.0","principal":{"qcs":"qcs::cam::uin/1:uin/2"},"statement":[{"resource":["qcs::a::uin/1:b/1","qcs::a::uin/1:b/2"],"action":["x:y"],"effect":"deny","principal":{"qcs":["qcs::cam::uin/1:uin/3"]},"condition":{"ip_equal":{"qcs:ip":"10.0.0.0/8"},"numeric_less_than":{"k":[5,1.5e3]},"bool_equal":{"b":true}}}]}`,
			`{"version":"2.0","principal":{"qcs":["qcs::cam::uin/1:uin/2"]},"statement":[{"effect":"deny","principal":{"qcs":["qcs::cam::uin/1:uin/3"]},"action":["x:y"],"resource":["qcs::a::uin/1:b/1","qcs::a::uin/1:b/2"],"condition":{"bool_equal":{"b":["true"]},"ip_equal":{"qcs:ip":["10.0.0.0/8"]},"numeric_less_than":{"k":["5","1.5e3"]}}}]}`,
		},
		{`{"version":"3.0","statement":[]}`, `{"version":"3.0","statement":[]}`},
	} {
		var p Policy
		if err := json.Unmarshal([]byte(c.in), &p); err != nil {
			t.Errorf("Unmarshal(%s): %v", c.in, err)
			continue
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Errorf("Marshal of %s: %v", c.in, err)
			continue
		}
		if string(b) != c.want {
			t.Errorf("round trip of %s\n got  %s\n want %s", c.in, b, c.want)
		}
		var again Policy
		if err := json.Unmarshal(b, &again); err != nil {
			t.Errorf("Unmarshal of own output %s: %v", b, err)
		}
		if b2, _ := json.Marshal(again); string(b2) != string(b) {
			t.Errorf("second round trip changed %s into %s", b, b2)
		}
	}
}

func TestPolicyJSONErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"version":"2.0","statement":[{"effect":"permit","action":"a:b","resource":"*"}]}`, `statement[0].effect: effect is "permit"`},
		{`{"version":"2.0","statement":[{"action":"a:b","resource":"*"},{}]}`, `statement[0].effect: effect is missing`},
		{`{"version":"2.0","statement":[{"effect":"Allow","action":"a:b","resource":"*"}]}`, `in lower case [CAM-E-EFFECT]`},
		{`{"version":"2.0"}`, `statement is missing`},
		{`{"statement":[]}`, `version is missing`},
		{`{"version":"2.0","statement":[{"effect":"allow","action":1,"resource":"*"}]}`, `want a string or a list of strings, found a number`},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"a:b","resource":"*","condition":{"ip_equal":{"qcs:ip":{}}}}]}`, `statement[0].condition.ip_equal.qcs:ip: want a string, number or boolean, found an object`},
		{`{"version":"2.0","statement":"all"}`, `statement must be a list of statements, found a string`},
		{`[]`, `cam: policy:`},
	} {
		var p Policy
		err := json.Unmarshal([]byte(c.in), &p)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Unmarshal(%s) error %v, want it to contain %q", c.in, err, c.want)
		}
	}
}

func TestMarshalZeroEffectFails(t *testing.T) {
	if _, err := json.Marshal(Policy{Statement: []Statement{{Action: Values{"a:b"}}}}); err == nil {
		t.Error("a statement without effect was written")
	}
}

func FuzzPolicyJSON(f *testing.F) {
	for _, s := range []string{
		`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:Describe*","resource":"*"},{"effect":"deny","action":["ccc:DescribeTelCdr"],"resource":["*"]}]}`,
		`{"version":"2.0","principal":{"qcs":"x"},"statement":{"effect":"DENY","action":[],"resource":"r","condition":{"a":{"b":[1,"c",false]}}}}`,
		`{"version":"2.0","statement":null}`,
		`{}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var p Policy
		if err := json.Unmarshal(in, &p); err != nil {
			return
		}
		b1, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("Marshal of policy read from %q: %v", in, err)
		}
		var q Policy
		if err := json.Unmarshal(b1, &q); err != nil {
			t.Fatalf("Unmarshal of own output %s: %v", b1, err)
		}
		b2, err := json.Marshal(q)
		if err != nil || string(b1) != string(b2) {
			t.Fatalf("unstable: %s then %s (%v)", b1, b2, err)
		}
		// Evaluating anything read must not panic either.
		p.Evaluate(Request{Action: describeTelCdr, Resource: app, Context: Context{"qcs:ip": {"10.0.0.1"}}})
		LintPolicy(p, fakeKnown())
	})
}
