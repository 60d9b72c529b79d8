package main

import (
	"encoding/json"
	"strings"
)

// verdicts explain a disagreement by the one reading of the IAM User Guide that
// makes iampolicy agree with the peer: if rewriting the policies that way gives
// the peer's decision, the disagreement is that reading. Each is discussed, with
// the AWS sentence that decides it, in docs/aws-evaluation.md.
var verdicts = []struct {
	name    string
	rewrite func(p map[string]any) // applied to every policy of the case
}{
	{"foranyvalue-ifexists", func(p map[string]any) {
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
	{"peer-variable-opens-resource-part", func(p map[string]any) {
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
	{"variables-in-2008", func(p map[string]any) {
		// The peer expands policy variables in 2008-10-17 policies.
		if p["Version"] == "2008-10-17" {
			p["Version"] = "2012-10-17"
		}
	}},
}

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
func rewritten(c *Case, rewrite func(map[string]any)) Case {
	b, _ := json.Marshal(c)
	var out Case
	_ = json.Unmarshal(b, &out)
	apply := func(p any) {
		if m, ok := p.(map[string]any); ok {
			rewrite(m)
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
// from the peer, or "unexplained".
func classify(c *Case, peer string) string {
	for _, v := range verdicts {
		r := rewritten(c, v.rewrite)
		if d, err := Decide(&r); err == nil && d.Outcome.String() == peer {
			return v.name
		}
	}
	return "unexplained"
}

func peerUnresolved(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) == 6 && strings.HasPrefix(parts[5], "${") {
		return "arn:aws:peer-unresolved:::x"
	}
	return arn
}
