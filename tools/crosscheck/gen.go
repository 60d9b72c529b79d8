package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
)

// Case is one crosscheck case: the request, the policies, and (once frozen) the
// decision both engines agreed on.
type Case struct {
	ID              int             `json:"id"`
	Note            string          `json:"note,omitempty"`
	Request         CaseRequest     `json:"request"`
	Identity        []any           `json:"identity"`
	Boundary        any             `json:"boundary,omitempty"`
	ResourcePolicy  any             `json:"resourcePolicy,omitempty"`
	ResourceAccount string          `json:"resourceAccount,omitempty"`
	Expect          string          `json:"expect,omitempty"`
	Raw             json.RawMessage `json:"-"`
}

// CaseRequest is the request file format of `gen policy eval` as well.
type CaseRequest struct {
	Principal string         `json:"principal"`
	Action    string         `json:"action"`
	Resource  string         `json:"resource"`
	Context   map[string]any `json:"context,omitempty"`
}

const (
	account      = "111122223333"
	otherAccount = "444455556666"
	principalARN = "arn:aws:iam::" + account + ":user/alice"
)

var placeholder = regexp.MustCompile(`\$\{([A-Za-z0-9]+)\}`)

var tokens = []string{"alice", "bob", "team-a", "prod", "logs", "photos", "x1"}

// caller is who makes a request: its ARN and what aws:PrincipalArn says of it.
type caller struct{ arn, principalArn string }

// callers are drawn for the requests: an IAM user, a session of a role, a federated
// user, and a service (which has no aws:PrincipalArn).
var callers = []caller{
	{principalARN, principalARN},
	{sessionARN, roleARN},
	{federatedARN, federatedARN},
	{servicePrincipal, ""},
}

const (
	roleARN          = "arn:aws:iam::" + account + ":role/R"
	sessionARN       = "arn:aws:sts::" + account + ":assumed-role/R/s1"
	federatedARN     = "arn:aws:sts::" + account + ":federated-user/alice"
	servicePrincipal = "cloudtrail.amazonaws.com"
	// wrongType marks a case made with a condition value not of its operator's
	// type, which iampolicy refuses to decode (the peer's answer is reported).
	wrongType = "wrong-type value"
)

type gen struct {
	r      *rand.Rand
	cat    *catalog
	caller caller
	// trust: the request assumes a role, so the resource policy is its trust
	// policy, which names no Resource.
	trust     bool
	wrongType bool
	// multi is the multivalued key of the current case: aws:TagKeys when the action
	// takes it, else the global aws:PrincipalServiceNamesList (a peer drops keys an
	// action does not take, and so would AWS never send them).
	multi string
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) chance(p float64) bool   { return g.r.Float64() < p }

// fillARN turns an ARN template into a concrete ARN in our account.
func (g *gen) fillARN(tpl string) string {
	return placeholder.ReplaceAllStringFunc(tpl, func(m string) string {
		switch m {
		case "${Partition}":
			return "aws"
		case "${Region}":
			return "us-east-1"
		case "${Account}", "${AccountId}", "${AccountID}", "${AwsAccountId}":
			return account
		}
		if strings.Contains(m, "Account") {
			return account
		}
		return g.pick(tokens)
	})
}

func runGen(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	n := fs.Int("n", 10000, "number of cases")
	seed := fs.Uint64("seed", 1, "random seed (same seed, same cases)")
	catPath := fs.String("catalog", "internal/diff/testdata/aws/2026-06-14.iam-definition.json.gz", "iam-definition.json(.gz) of the catalog")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cat, err := loadCatalog(*catPath)
	if err != nil {
		return err
	}
	g := &gen{r: rand.New(rand.NewPCG(*seed, 13)), cat: cat}
	enc := json.NewEncoder(out)
	for i, c := range examples() {
		c.ID = i + 1
		if err := enc.Encode(c); err != nil {
			return err
		}
	}
	for i := 0; i < *n; i++ {
		c := g.makeCase()
		c.ID = 1000 + i
		if err := enc.Encode(c); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) makeCase() Case {
	a := g.cat.actions[g.r.IntN(len(g.cat.actions))]
	g.multi = "aws:PrincipalServiceNamesList"
	for _, k := range a.condKeys {
		if k == "aws:TagKeys" {
			g.multi = k
		}
	}
	resource := "*"
	if len(a.arns) > 0 {
		resource = g.fillARN(g.pick(a.arns))
	}
	switch x := g.r.Float64(); {
	case x < 0.6:
		g.caller = callers[0]
	case x < 0.8:
		g.caller = callers[1]
	case x < 0.93:
		g.caller = callers[2]
	default:
		g.caller = callers[3]
	}
	g.trust = strings.HasPrefix(strings.ToLower(a.name), "sts:assumerole") && strings.Contains(resource, ":role/")
	g.wrongType = false
	c := Case{Request: CaseRequest{Principal: g.caller.arn, Action: a.name, Resource: resource, Context: g.context(a)}}
	for k := 0; k < 1+g.r.IntN(2); k++ {
		c.Identity = append(c.Identity, g.policy(a, resource, 1+g.r.IntN(4), false))
	}
	if g.chance(0.25) {
		c.Boundary = g.policy(a, resource, 1+g.r.IntN(2), false)
	}
	// Only a resource can carry a resource-based policy: actions that take no
	// resource ("*") get none.
	if resource != "*" && g.chance(0.25) {
		if g.chance(0.4) && strings.Contains(resource, account) {
			// Cross-account: the resource lives in the other account, so both
			// the identity side and the resource policy must allow.
			c.ResourceAccount = otherAccount
			resource = strings.ReplaceAll(resource, account, otherAccount)
			c.Request.Resource = resource
		}
		c.ResourcePolicy = g.policy(a, resource, 1+g.r.IntN(2), true)
	}
	if g.wrongType {
		c.Note = wrongType
	}
	return c
}

// context gives the request a random subset of global keys and of the action's own
// String keys, so missing keys are exercised as often as present ones.
func (g *gen) context(a catAction) map[string]any {
	ctx := map[string]any{}
	put := func(k string, v any) {
		if g.chance(0.7) {
			ctx[k] = v
		}
	}
	put("aws:username", g.pick([]string{"alice", "bob"}))
	put("aws:PrincipalTag/team", g.pick([]string{"blue", "red"}))
	put("aws:SourceIp", g.pick([]string{"10.1.2.3", "192.0.2.7", "203.0.113.9"}))
	put("aws:SecureTransport", g.pick([]string{"true", "false"}))
	put("aws:MultiFactorAuthAge", g.pick([]string{"30", "3600", "86400"}))
	put("aws:CurrentTime", g.pick([]string{"2026-01-15T12:00:00Z", "2027-06-01T00:00:00Z"}))
	if g.caller.principalArn != "" {
		put("aws:PrincipalArn", g.caller.principalArn)
	}
	if g.chance(0.5) {
		var keys []any
		for _, k := range []string{"env", "team", "cost", "Owner"} {
			if g.chance(0.5) {
				keys = append(keys, k)
			}
		}
		if keys == nil {
			keys = []any{}
		}
		ctx[g.multi] = keys
	}
	own := 0
	for _, k := range a.condKeys {
		if own == 3 {
			break // a few of the action's own keys are enough, and keep cases small
		}
		if k == g.multi || strings.Contains(k, "$") || strings.Contains(k, "<") || g.cat.keyType[k] != "String" {
			continue
		}
		own++
		put(k, g.pick([]string{"blue", "red", "Blue"}))
	}
	return ctx
}

func (g *gen) policy(a catAction, resource string, n int, resourcePolicy bool) map[string]any {
	var sts []any
	for i := 0; i < n; i++ {
		sts = append(sts, g.statement(a, resource, resourcePolicy))
	}
	p := map[string]any{"Version": "2012-10-17", "Statement": sts}
	if g.chance(0.05) {
		p["Version"] = "2008-10-17"
	}
	return p
}

func (g *gen) actionPattern(a catAction) string {
	svc, name, _ := strings.Cut(a.name, ":")
	switch g.r.IntN(9) {
	case 0:
		return "*"
	case 1:
		return svc + ":*"
	case 2:
		return strings.ToLower(a.name)
	case 3:
		if len(name) > 3 {
			return svc + ":" + name[:3] + "*"
		}
	case 4:
		if len(name) > 2 {
			return svc + ":" + name[:1] + "?" + name[2:]
		}
	case 5:
		other := g.cat.actions[g.r.IntN(len(g.cat.actions))]
		return other.name
	case 6:
		return svc + ":*" + name[len(name)/2:]
	}
	return a.name
}

func (g *gen) resourcePattern(resource string) string {
	if resource == "*" {
		if g.chance(0.3) {
			return "arn:aws:s3:::*"
		}
		return "*"
	}
	switch g.r.IntN(8) {
	case 0:
		return "*"
	case 1:
		// wildcard the resource part after its first character
		if i := strings.LastIndexByte(resource, ':'); i >= 0 && i+2 < len(resource) {
			return resource[:i+2] + "*"
		}
	case 2:
		return strings.Replace(resource, "alice", "${aws:username}", 1)
	case 3:
		return strings.Replace(resource, account, otherAccount, 1)
	case 4:
		return strings.Replace(resource, "us-east-1", "*", 1)
	case 5:
		return strings.Replace(resource, "aws", "a?s", 1)
	case 6:
		return strings.Replace(resource, "bob", "${aws:PrincipalTag/team, 'bob'}", 1)
	}
	return resource
}

// conditions are the condition templates, one per operator family and modifier.
var conditions = []func(g *gen) (string, string, any){
	func(g *gen) (string, string, any) {
		return "StringEquals", "aws:username", g.pick([]string{"alice", "bob"})
	},
	func(g *gen) (string, string, any) { return "StringNotEquals", "aws:username", "bob" },
	func(g *gen) (string, string, any) { return "StringEqualsIgnoreCase", "aws:PrincipalTag/team", "BLUE" },
	func(g *gen) (string, string, any) { return "StringNotEqualsIgnoreCase", "aws:PrincipalTag/team", "Red" },
	func(g *gen) (string, string, any) { return "StringLike", "aws:username", "al*" },
	func(g *gen) (string, string, any) { return "StringNotLike", "aws:username", []any{"b?b", "x*"} },
	func(g *gen) (string, string, any) {
		return "StringEqualsIfExists", "aws:PrincipalTag/team", "blue"
	},
	func(g *gen) (string, string, any) { return "StringEquals", "aws:PrincipalTag/team", "${aws:username}" },
	func(g *gen) (string, string, any) {
		return "StringLike", "aws:username", "${aws:PrincipalTag/team, 'alice'}"
	},
	func(g *gen) (string, string, any) {
		return "NumericLessThan", "aws:MultiFactorAuthAge", g.pick([]string{"3600", "100"})
	},
	func(g *gen) (string, string, any) { return "NumericGreaterThanEquals", "aws:MultiFactorAuthAge", 3600 },
	func(g *gen) (string, string, any) { return "NumericNotEquals", "aws:MultiFactorAuthAge", "30" },
	func(g *gen) (string, string, any) {
		return "NumericLessThanEqualsIfExists", "aws:MultiFactorAuthAge", "3600"
	},
	func(g *gen) (string, string, any) {
		return "DateGreaterThan", "aws:CurrentTime", g.pick([]string{"2026-06-01T00:00:00Z", "2020-01-01"})
	},
	func(g *gen) (string, string, any) { return "DateLessThan", "aws:CurrentTime", "2027-01-01T00:00:00Z" },
	func(g *gen) (string, string, any) { return "DateNotEquals", "aws:CurrentTime", "2026-01-15T12:00:00Z" },
	func(g *gen) (string, string, any) {
		return "Bool", "aws:SecureTransport", g.pick([]string{"true", "false"})
	},
	func(g *gen) (string, string, any) { return "BoolIfExists", "aws:SecureTransport", "false" },
	func(g *gen) (string, string, any) { return "Bool", "aws:SecureTransport", true },
	func(g *gen) (string, string, any) {
		return "IpAddress", "aws:SourceIp", g.pick([]string{"10.0.0.0/8", "192.0.2.0/24", "203.0.113.9"})
	},
	func(g *gen) (string, string, any) {
		return "NotIpAddress", "aws:SourceIp", []any{"10.0.0.0/8", "192.0.2.0/24"}
	},
	func(g *gen) (string, string, any) {
		return "ArnLike", "aws:PrincipalArn", "arn:aws:iam::" + account + ":user/*"
	},
	func(g *gen) (string, string, any) {
		return "ArnEquals", "aws:PrincipalArn", g.pick([]string{principalARN, "arn:aws:iam::*:user/alice"})
	},
	func(g *gen) (string, string, any) {
		return "ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::" + otherAccount + ":*"
	},
	func(g *gen) (string, string, any) {
		return "Null", g.pick([]string{"aws:PrincipalTag/team", g.multi, "aws:SourceIp"}), g.pick([]string{"true", "false"})
	},
	func(g *gen) (string, string, any) {
		return "ForAllValues:StringEquals", g.multi, []any{"env", "team"}
	},
	func(g *gen) (string, string, any) { return "ForAnyValue:StringEquals", g.multi, "cost" },
	func(g *gen) (string, string, any) { return "ForAnyValue:StringLike", g.multi, "O*" },
	func(g *gen) (string, string, any) { return "ForAllValues:StringNotEquals", g.multi, "Owner" },
	func(g *gen) (string, string, any) { return "ForAnyValue:StringNotEquals", g.multi, "env" },
	func(g *gen) (string, string, any) {
		return "ForAllValues:StringEqualsIgnoreCase", g.multi, []any{"ENV", "owner"}
	},
	func(g *gen) (string, string, any) { return "ForAnyValue:StringEqualsIfExists", g.multi, "env" },
	func(g *gen) (string, string, any) { return "StringEquals", g.multi, "env" },
	func(g *gen) (string, string, any) {
		return "NumericEquals", "aws:MultiFactorAuthAge", []any{"30", 86400}
	},
	func(g *gen) (string, string, any) { return "NumericGreaterThan", "aws:MultiFactorAuthAge", "3599.5" },
	func(g *gen) (string, string, any) { return "NumericLessThanEquals", "aws:MultiFactorAuthAge", "30" },
	func(g *gen) (string, string, any) { return "DateEquals", "aws:CurrentTime", "2026-01-15T12:00:00Z" },
	func(g *gen) (string, string, any) {
		return "DateLessThanEquals", "aws:CurrentTime", "2026-01-15T12:00:00Z"
	},
	func(g *gen) (string, string, any) {
		return "DateGreaterThanEquals", "aws:CurrentTime", "2027-06-01T00:00:00+00:00"
	},
	func(g *gen) (string, string, any) {
		return "DateGreaterThanIfExists", "aws:CurrentTime", "2026-06-01T00:00:00Z"
	},
	func(g *gen) (string, string, any) {
		return "ArnNotEquals", "aws:PrincipalArn", "arn:aws:iam::" + account + ":user/alice"
	},
	func(g *gen) (string, string, any) { return "ArnLikeIfExists", "aws:SourceArn", "arn:aws:sns:*:*:t" },
	func(g *gen) (string, string, any) { return "StringNotEqualsIfExists", "aws:PrincipalTag/team", "red" },
	func(g *gen) (string, string, any) { return "IpAddressIfExists", "aws:SourceIp", "203.0.113.0/24" },
	func(g *gen) (string, string, any) { return "NotIpAddressIfExists", "aws:SourceIp", "10.0.0.0/8" },
	func(g *gen) (string, string, any) { return "ForAllValues:StringLike", g.multi, []any{"e*", "t?am"} },
	func(g *gen) (string, string, any) { return "ForAnyValue:StringNotLike", g.multi, "*o*" },
	func(g *gen) (string, string, any) { return "ForAllValues:StringEqualsIfExists", g.multi, "env" },
	func(g *gen) (string, string, any) {
		return "StringLike", "aws:PrincipalTag/team", "${aws:username, 'bl'}*"
	},
	noValueCondition,
	func(g *gen) (string, string, any) {
		return "ForAnyValue:StringNotEquals", g.multi, "${aws:PrincipalTag/dept}"
	},
	func(g *gen) (string, string, any) {
		return "Bool", "aws:SecureTransport", "${aws:PrincipalTag/tls, 'true'}"
	},
}

// wrongTypeCondition is a condition whose value is not of its operator's type
// (the User Guide fixes each format), which iampolicy refuses to decode.
func (g *gen) wrongTypeCondition() (string, string, any) {
	switch g.r.IntN(5) {
	case 0:
		return "NotIpAddress", "aws:SourceIp", "office-network"
	case 1:
		return "NumericLessThan", "aws:MultiFactorAuthAge", "Infinity"
	case 2:
		return "DateNotEquals", "aws:CurrentTime", "someday"
	case 3:
		return "NumericNotEquals", "aws:MultiFactorAuthAge", "0x1p10"
	}
	return "Null", "aws:SourceIp", "yes"
}

// noValueCondition is a condition on a variable the request never has.
func noValueCondition(g *gen) (string, string, any) {
	return g.pick([]string{"StringNotEquals", "StringEquals", "StringNotLike"}), "aws:username", "${aws:PrincipalTag/dept}"
}

func (g *gen) statement(a catAction, resource string, resourcePolicy bool) map[string]any {
	s := map[string]any{"Effect": "Allow"}
	if g.chance(0.3) {
		s["Effect"] = "Deny"
	}
	acts := []any{g.actionPattern(a)}
	if g.chance(0.3) {
		acts = append(acts, g.actionPattern(a))
	}
	if g.chance(0.02) {
		acts = []any{} // an empty array: Access Analyzer's "provides no permissions"
	}
	if g.chance(0.15) {
		s["NotAction"] = acts
	} else if len(acts) == 1 {
		s["Action"] = acts[0]
	} else {
		s["Action"] = acts
	}
	switch {
	case resourcePolicy && g.trust:
		// A trust policy names no resource: the role is the resource.
	case g.chance(0.02):
		s["NotResource"] = []any{}
	case g.chance(0.03):
		// A variable with no value (no case sets aws:PrincipalTag/dept).
		s["NotResource"] = strings.Replace(resource, "alice", "${aws:PrincipalTag/dept}", 1)
	case g.chance(0.12):
		s["NotResource"] = g.resourcePattern(resource)
	default:
		s["Resource"] = g.resourcePattern(resource)
	}
	if g.chance(0.5) {
		cond := map[string]map[string]any{}
		for k := 0; k < 1+g.r.IntN(2); k++ {
			op, key, val := conditions[g.r.IntN(len(conditions))](g)
			switch {
			case g.chance(0.03):
				val = []any{} // an empty array of values
			case g.chance(0.005):
				op, key, val = g.wrongTypeCondition()
				g.wrongType = true
			}
			if cond[op] == nil {
				cond[op] = map[string]any{}
			}
			cond[op][key] = val
		}
		s["Condition"] = cond
	}
	if g.chance(0.3) {
		s["Sid"] = fmt.Sprintf("S%d", g.r.IntN(100))
	}
	if resourcePolicy {
		switch g.r.IntN(12) {
		case 7:
			s["Principal"] = map[string]any{"AWS": roleARN}
		case 8:
			s["Principal"] = map[string]any{"AWS": sessionARN}
		case 9:
			s["Principal"] = map[string]any{"AWS": federatedARN}
		case 10:
			s["Principal"] = map[string]any{"Service": servicePrincipal}
		case 0:
			s["Principal"] = "*"
		case 1:
			s["Principal"] = map[string]any{"AWS": principalARN}
		case 2:
			s["Principal"] = map[string]any{"AWS": "arn:aws:iam::" + account + ":root"}
		case 3:
			s["Principal"] = map[string]any{"AWS": account}
		case 4:
			s["Principal"] = map[string]any{"AWS": []any{"arn:aws:iam::" + otherAccount + ":user/mallory", principalARN}}
		case 5:
			s["Principal"] = map[string]any{"AWS": "*"}
		default:
			s["Principal"] = map[string]any{"AWS": "arn:aws:iam::" + otherAccount + ":user/mallory"}
		}
		// NotPrincipal "*" ("everyone but everyone") is left out: no AWS sentence
		// decides it, and the two engines read it differently.
		if aws, _ := s["Principal"].(map[string]any); s["Effect"] == "Deny" && aws != nil && aws["AWS"] != "*" && g.chance(0.3) {
			// "Deny everyone except": NotPrincipal, as the guide shows it with Deny.
			s["NotPrincipal"] = s["Principal"]
			delete(s, "Principal")
		}
	}
	return s
}
