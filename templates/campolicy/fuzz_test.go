package campolicy

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

// The evaluator's safety properties, as fuzz targets. `go test` runs each on its seed
// corpus (every policy of the conformance table plus the seeds below); `go test -fuzz`
// explores further.

// fuzzRequests are the requests every property is checked on: resource- and
// operation-level actions, owners and strangers, with and without caller and context.
func fuzzRequests(extraKey, extraValue string) []Request {
	ctx := Context{"qcs:ip": {"10.1.2.3"}, "qcs:tag": {"env&prod", "team&a"}, "n": {"5"}, "qcs:current_time": {"2024-05-01T00:00:00Z"}}
	if extraKey != "" {
		ctx[extraKey] = append(ctx[extraKey], extraValue)
	}
	stranger := cam.Resource{Service: "ccc", Account: "uin/999", Resource: "SdkAppId/1"}
	cos := cam.Resource{Service: "cos", Region: "ap-guangzhou", Account: "uid/1250000000", Resource: "b-1250000000/a.txt"}
	var out []Request
	for _, a := range []cam.Action{createStaff, createIVR, describeTelCdr, cvmRunInstances, cam.ActionInfo{Service: "cos", Name: "GetObject"}} {
		for _, r := range []cam.Resource{app, stranger, cos, {}} {
			out = append(out,
				Request{Action: a, Resource: r},
				Request{Action: a, Resource: r, Caller: caller, PolicyOwner: owner, Context: ctx},
				Request{Action: a, Resource: r, Caller: Caller{Uin: "100001", OwnerUin: "100001", AppID: "1250000000"}, PolicyOwner: owner})
		}
	}
	return out
}

func addPolicySeeds(f *testing.F, add func(policy []byte)) {
	for _, c := range loadConformance(f) {
		for _, p := range c.Policies {
			add(policyText(p))
		}
	}
	add([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"qcs::ccc:::SdkAppId/*","condition":{"for_any_value:string_equal":{"qcs:tag":"env&prod"}}}]}`))
}

// A policy that fails to decode grants nothing: decoding leaves no statements behind.
func FuzzUndecodableGrantsNothing(f *testing.F) {
	addPolicySeeds(f, func(p []byte) { f.Add(p) })
	f.Add([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}],"statement":[]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var p Policy
		if err := json.Unmarshal(in, &p); err == nil {
			return
		}
		if len(p.Statement) != 0 || p.Version != "" {
			t.Fatalf("a refused policy left %v behind", p)
		}
		q, err := Parse(in)
		if err == nil || len(q.Statement) != 0 {
			t.Fatalf("Parse accepted what Unmarshal refused, or kept %v", q)
		}
		for _, r := range fuzzRequests("", "") {
			if d := Evaluate(&r, q); d.Allowed() {
				t.Fatalf("a refused policy allowed %v", d)
			}
		}
	})
}

// Adding a deny statement never turns a deny into an allow.
func FuzzAddingDenyNeverAllows(f *testing.F) {
	addPolicySeeds(f, func(p []byte) { f.Add(p, "ccc:*", "*", "string_equal", "qcs:ip", "10.1.2.3") })
	f.Add([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}`), "*", "qcs::ccc:::*", "ip_not_equal", "qcs:ip", "10.0.0.0/8")
	f.Fuzz(func(t *testing.T, in []byte, action, resource, op, key, value string) {
		p, err := Parse(in)
		if err != nil {
			return
		}
		withDeny := p
		withDeny.Statement = append(slices.Clone(p.Statement), Statement{Effect: EffectDeny, Action: Values{action}, Resource: Values{resource}, Condition: Condition{op: {key: {value}}}})
		for _, r := range fuzzRequests(key, value) {
			before := p.Evaluate(r)
			after := withDeny.Evaluate(r)
			if !before.Allowed() && after.Allowed() {
				t.Fatalf("adding a deny allowed %v (was %v)", after, before)
			}
		}
	})
}

// Removing an allow statement never turns a deny into an allow.
func FuzzRemovingAllowNeverAllows(f *testing.F) {
	addPolicySeeds(f, func(p []byte) { f.Add(p) })
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := Parse(in)
		if err != nil {
			return
		}
		reqs := fuzzRequests("", "")
		for i, s := range p.Statement {
			if s.Effect != EffectAllow {
				continue
			}
			without := p
			without.Statement = slices.Delete(slices.Clone(p.Statement), i, i+1)
			for _, r := range reqs {
				if !p.Evaluate(r).Allowed() && without.Evaluate(r).Allowed() {
					t.Fatalf("removing allow %d allowed %v", i, r)
				}
			}
		}
	})
}

// Evaluate(decode(encode(p))) == Evaluate(p).
func FuzzEncodeDecodeSameDecision(f *testing.F) {
	addPolicySeeds(f, func(p []byte) { f.Add(p) })
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := Parse(in)
		if err != nil {
			return
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("encoding %v: %v", p, err)
		}
		q, err := Parse(b)
		if err != nil {
			t.Fatalf("own encoding %s refused: %v", b, err)
		}
		for _, r := range fuzzRequests("", "") {
			d1, d2 := p.Evaluate(r), q.Evaluate(r)
			if d1.Outcome != d2.Outcome || d1.Statement != d2.Statement {
				t.Fatalf("decision changed through %s: %v then %v", b, d1, d2)
			}
		}
	})
}

// An unknown never allows what some concrete completion of it denies: whenever a
// request with an unknown resource part, a wholly unknown resource or an unknown
// condition key is allowed, every completion of it is allowed too (issue 17).
func FuzzUnknownNeverAllowsMore(f *testing.F) {
	addPolicySeeds(f, func(p []byte) { f.Add(p, "100001", "qcs:ip", "10.1.2.3") })
	f.Add([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"*"},{"effect":"deny","action":"ccc:CreateStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`), "100001", "qcs:ip", "")
	f.Add([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"qcs::ccc::uin/*:SdkAppId/1*"},{"effect":"deny","action":"*","resource":"qcs::ccc:::*","condition":{"ip_equal_if_exist":{"qcs:ip":"10.0.0.0/8"}}}]}`), "999", "qcs:ip", "10.9.9.9")
	f.Add([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"null_equal":{"k":"true"}}}]}`), "x", "k", "v")
	f.Fuzz(func(t *testing.T, in []byte, value, key, keyValue string) {
		p, err := Parse(in)
		if err != nil {
			return
		}
		if strings.ContainsAny(value, ":") || strings.Contains(value, "${") {
			return // not a value of a segment: it would reshape the resource
		}
		for _, r := range fuzzRequests(key, keyValue) {
			for _, u := range unknownVariants(r, key) {
				if !p.Evaluate(u.req).Allowed() {
					continue
				}
				for _, c := range u.completions(value, keyValue) {
					if d := p.Evaluate(c); !d.Allowed() {
						t.Fatalf("allowed with unknown %+v (%v), but the completion %v is %v", u.req.Unknown, u.req.Resource, c.Resource, d)
					}
				}
			}
		}
	})
}

// unknownVariant is a request with something made unknown, and how to complete it.
type unknownVariant struct {
	req         Request
	completions func(value, keyValue string) []Request
}

// unknownVariants makes, of concrete request r, one request per way a transport can
// fail to know something: the account's uin, the resource's ID, the whole resource,
// the condition key key.
func unknownVariants(r Request, key string) []unknownVariant {
	var out []unknownVariant
	withResource := func(res cam.Resource) Request { c := r; c.Resource = res; return c }
	if uin, ok := strings.CutPrefix(r.Resource.Account, "uin/"); ok {
		u := r
		u.Resource.Account = "uin/${uin}"
		u.Unknown = Unknown{Parts: []string{"uin"}}
		out = append(out, unknownVariant{u, func(value, _ string) []Request {
			var cs []Request
			for _, v := range []string{uin, value, "100001", "999", ""} {
				res := r.Resource
				res.Account = "uin/" + v
				cs = append(cs, withResource(res))
			}
			return cs
		}})
	}
	if typ, id, ok := strings.Cut(r.Resource.Resource, "/"); ok {
		u := r
		u.Resource.Resource = typ + "/${id}"
		u.Unknown = Unknown{Parts: []string{"id"}}
		out = append(out, unknownVariant{u, func(value, _ string) []Request {
			var cs []Request
			for _, v := range []string{id, value, "1400001", "1", "a.txt", "public/x"} {
				res := r.Resource
				res.Resource = typ + "/" + v
				cs = append(cs, withResource(res))
			}
			return cs
		}})
	}
	whole := r
	whole.Resource = cam.Resource{}
	whole.Unknown = Unknown{Resource: true}
	out = append(out, unknownVariant{whole, func(string, string) []Request {
		var cs []Request
		for _, q := range fuzzRequests("", "") {
			cs = append(cs, withResource(q.Resource))
		}
		return cs
	}})
	for _, k := range []string{key, "qcs:ip", "qcs:tag", "n"} {
		u := r
		u.Unknown = Unknown{Keys: []string{k}}
		out = append(out, unknownVariant{u, func(_, keyValue string) []Request {
			var cs []Request
			for _, vals := range [][]string{nil, {keyValue}, {"10.1.2.3"}, {"env&prod"}, {"5"}, {"true"}, {""}, {"a", "b"}} {
				c := r
				c.Context = Context{}
				for ck, cv := range r.Context {
					c.Context[ck] = cv
				}
				if vals == nil {
					delete(c.Context, k)
				} else {
					c.Context[k] = vals
				}
				cs = append(cs, c)
			}
			return cs
		}})
	}
	// "*": every key the context lacks; a completion gives some of them values.
	every := r
	every.Unknown = Unknown{Keys: []string{"*"}}
	out = append(out, unknownVariant{every, func(_, keyValue string) []Request {
		var cs []Request
		for _, k := range []string{key, "qcs:ip", "qcs:tag", "n", "qcs:mfa", "cos:x-cos-acl"} {
			if _, known := r.Context[k]; known {
				continue
			}
			for _, vals := range [][]string{{keyValue}, {"10.1.2.3"}, {"env&prod"}, {"true"}, {""}} {
				c := r
				c.Context = Context{k: vals}
				for ck, cv := range r.Context {
					c.Context[ck] = cv
				}
				cs = append(cs, c)
			}
		}
		return append(cs, r)
	}})
	return out
}
