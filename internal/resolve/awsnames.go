package resolve

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// AWS package layout. Every service prefix becomes generated/aws/<pkg>; the
// shared packages below sit beside them and own their names.
const (
	AWSDir        = "aws"
	AWSIAMDir     = "aws/iam"     // templates/aws/iam: records shared by every service
	AWSARNDir     = "aws/iamarn"  // templates/aws/iamarn: ARN type, builders, matching
	AWSGlobalDir  = "aws/global"  // the aws: condition keys
	AWSCatalogDir = "aws/catalog" // every action and resource type of the tree
)

// awsReserved are package names the AWS tree uses for itself; a prefix that would
// take one gets the suffix "service" (the IAM service, prefix "iam", is
// generated/aws/iamservice).
var awsReserved = map[string]bool{"iam": true, "iamarn": true, "iampolicy": true, "global": true, "catalog": true, "internal": true, "testdata": true}

// AWSPackageNames maps each AWS service prefix to its Go package name: the prefix
// lower-cased with every character that is not a letter or digit dropped
// ("bedrock-agentcore" -> "bedrockagentcore"), "p" before a leading digit or a Go
// keyword, "service" after a name the tree reserves. Prefixes that still meet are
// taken in sorted order: the first keeps the name, the n-th gets the suffix n
// ("a-b" -> "ab", then "ab" -> "ab2"). The result depends on the set of prefixes,
// never on the order of the pages.
func AWSPackageNames(prefixes []string) map[string]string {
	ps := append([]string(nil), prefixes...)
	sort.Strings(ps)
	out := map[string]string{}
	taken := map[string]int{}
	for _, p := range ps {
		if _, dup := out[p]; dup {
			continue
		}
		n := PackageName(p)
		if awsReserved[n] {
			n += "service"
		}
		taken[n]++
		if c := taken[n]; c > 1 {
			n += strconv.Itoa(c)
			taken[n]++
		}
		out[p] = n
	}
	return out
}

// AWSNames are the Go names of an AWS service package beyond Package.Actions
// (ActionGetObject) and Package.Resources (ObjectARN and its parameters).
type AWSNames struct {
	Root string // import path of the AWS tree, ".../generated/aws"
	// Keys run parallel to Service.ConditionKeys; Ident is empty for the aws:
	// keys, which package global declares.
	Keys []GoConditionKey
}

// GoConditionKey names one condition key: a constant, or for a templated key
// ("s3:ExistingObjectTag/<key>") a function with one parameter per placeholder.
type GoConditionKey struct {
	Ident  string   // ConditionKeyAuthType, ConditionKeyExistingObjectTag
	Pieces []string // the name cut at placeholders: literal, placeholder, literal, ...
	Params []string // one per placeholder; nil for a constant
}

// ConditionKeyPieces cuts a key name at its placeholders, written ${Name} or
// <name>: the result alternates literal text and placeholder names, starting and
// ending with literal text (possibly empty).
func ConditionKeyPieces(name string) []string {
	var out []string
	lit := ""
	for s := name; s != ""; {
		i := strings.IndexAny(s, "$<")
		if i < 0 {
			lit += s
			break
		}
		end, skip := "}", 2
		if s[i] == '<' {
			end, skip = ">", 1
		} else if !strings.HasPrefix(s[i:], "${") {
			lit += s[:i+1]
			s = s[i+1:]
			continue
		}
		j := strings.Index(s[i:], end)
		if j < 0 || j == skip {
			lit += s
			break
		}
		out = append(out, lit+s[:i], s[i+skip:i+j])
		lit = ""
		s = s[i+j+1:]
	}
	return append(out, lit)
}

// AWSConditionKeyIdent is the Go name of key in a package whose own prefix is
// prefix: ConditionKey and the name after the prefix, up to the first placeholder
// ("s3:authType" -> ConditionKeyAuthType, "aws:RequestTag/${TagKey}" in package
// global -> ConditionKeyRequestTag). A key of another prefix keeps it in its name.
func AWSConditionKeyIdent(prefix, key string) GoConditionKey {
	pieces := ConditionKeyPieces(key)
	kp, rest, ok := strings.Cut(pieces[0], ":")
	words := []string{"ConditionKey", rest}
	if !ok {
		words = []string{"ConditionKey", pieces[0]}
	} else if !strings.EqualFold(kp, prefix) {
		words = []string{"ConditionKey", kp, rest}
	}
	g := GoConditionKey{Ident: Ident(words...), Pieces: pieces}
	used := map[string]int{}
	for i := 1; i < len(pieces); i += 2 {
		n := Param(pieces[i])
		if n == "iam" || n == "iamarn" {
			n += "_"
		}
		used[n]++
		if used[n] > 1 {
			n = fmt.Sprintf("%s%d", n, used[n])
		}
		g.Params = append(g.Params, n)
	}
	return g
}

// awsFixed are the identifiers every generated AWS package declares.
var awsFixed = []string{"Action", "Actions", "ParseAction", "ReadActions", "WriteActions", "ListActions",
	"TaggingActions", "PermissionsManagementActions", "ResourceTypes", "LookupResourceType", "ConditionKeys",
	"Prefix", "ServiceName"}

// awsPackage places an AWS service and names its symbols. Clashes (two actions
// or two resource types whose Go names meet) are numbered in sorted order and
// reported; they never stop generation.
func (p *Package) awsPackage(dir, importRoot string) {
	s := p.Service
	p.Dir = dir
	p.AWS = &AWSNames{Root: path.Join(importRoot, AWSDir)}
	owner := map[string]string{}
	for _, f := range awsFixed {
		owner[f] = "the package's own API"
	}
	claim := func(id, who string, pos model.Pos) string {
		base := id
		for n := 2; owner[id] != ""; n++ {
			id = fmt.Sprintf("%s_%d", base, n)
		}
		if id != base {
			s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: pos, Code: "go-name-collision",
				Msg: fmt.Sprintf("%s gets Go name %s because %s is taken by %s", who, id, base, owner[base])})
		}
		owner[id] = who
		return id
	}
	for _, a := range s.Actions {
		p.Actions = append(p.Actions, GoAction{Ident: claim(Ident("Action", a.Name), "action "+a.Name, a.Pos), Method: Ident(a.Name)})
	}
	for _, rt := range s.ResourceTypes {
		g := GoResourceType{Func: claim(Ident(rt.Name, "ARN"), "resource type "+rt.Name, model.Pos{File: s.Source.File})}
		used := map[string]int{}
		seen := map[string]bool{}
		for _, ph := range rt.Placeholders {
			if seen[ph] || ph == "Partition" {
				continue
			}
			seen[ph] = true
			n := Param(ph)
			if n == "iam" || n == "iamarn" {
				n += "_"
			}
			used[n]++
			if used[n] > 1 {
				n = fmt.Sprintf("%s%d", n, used[n])
			}
			g.Params = append(g.Params, n)
		}
		p.Resources = append(p.Resources, g)
	}
	for _, k := range s.ConditionKeys {
		if strings.HasPrefix(strings.ToLower(k.Name), "aws:") {
			p.AWS.Keys = append(p.AWS.Keys, GoConditionKey{})
			continue
		}
		g := AWSConditionKeyIdent(s.ShortName, k.Name)
		g.Ident = claim(g.Ident, "condition key "+k.Name, model.Pos{File: s.Source.File})
		p.AWS.Keys = append(p.AWS.Keys, g)
	}
}
