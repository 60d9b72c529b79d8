package resolve

import (
	"fmt"
	"path"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/naming"
)

// AWS package layout. Every service prefix becomes generated/aws/<pkg>
// (naming.AWSPackageNames); the shared packages below sit beside them.
const (
	AWSDir        = "aws"
	AWSIAMDir     = "aws/iam"     // templates/aws/iam: records shared by every service
	AWSARNDir     = "aws/iamarn"  // templates/aws/iamarn: ARN type, builders, matching
	AWSGlobalDir  = "aws/global"  // the aws: condition keys
	AWSCatalogDir = "aws/catalog" // every action and resource type of the tree
)

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

// AWSConditionKey names key in a package whose own prefix is prefix.
func AWSConditionKey(prefix, key string) GoConditionKey {
	id, params := naming.ConditionKey(prefix, key)
	return GoConditionKey{Ident: id, Pieces: naming.ConditionKeyPieces(key), Params: params}
}

// awsPackage places an AWS service and names its symbols. Clashes are numbered
// in sorted order and reported in p.Diagnostics; they never stop generation.
func (p *Package) awsPackage(dir, importRoot string) {
	s := p.Service
	p.Dir = dir
	p.AWS = &AWSNames{Root: path.Join(importRoot, AWSDir)}
	owner := map[string]string{}
	for _, f := range naming.AWSFixed {
		owner[f] = "the package's own API"
	}
	claim := func(id, who string, pos model.Pos) string {
		base := id
		for n := 2; owner[id] != ""; n++ {
			id = fmt.Sprintf("%s_%d", base, n)
		}
		if id != base {
			p.Diagnostics = append(p.Diagnostics, model.Diagnostic{Pos: pos, Code: "go-name-collision",
				Msg: fmt.Sprintf("%s gets Go name %s because %s is taken by %s", who, id, base, owner[base])})
		}
		owner[id] = who
		return id
	}
	for _, a := range s.Actions {
		p.Actions = append(p.Actions, GoAction{Ident: claim(naming.Action(a.Name), "action "+a.Name, a.Pos)})
	}
	for _, rt := range s.ResourceTypes {
		g := GoResourceType{Func: claim(naming.ARNBuilder(rt.Name), "resource type "+rt.Name, model.Pos{File: s.Source.File})}
		used := map[string]int{}
		seen := map[string]bool{}
		for _, ph := range rt.Placeholders {
			if seen[ph] || ph == "Partition" {
				continue
			}
			seen[ph] = true
			n := naming.ARNParam(ph)
			used[n]++
			if used[n] > 1 {
				n = fmt.Sprintf("%s%d", n, used[n])
			}
			g.Params = append(g.Params, n)
		}
		p.Resources = append(p.Resources, g)
	}
	// Constants first, then templated keys: a templated key whose words meet a
	// constant's ("codebuild:secondarySources.location" and
	// "codebuild:secondarySources/${sourceIdentifier}.location") names its
	// placeholders too, whatever the order of the page.
	p.AWS.Keys = make([]GoConditionKey, len(s.ConditionKeys))
	for pass := 0; pass < 2; pass++ {
		for i, k := range s.ConditionKeys {
			if strings.HasPrefix(strings.ToLower(k.Name), "aws:") {
				continue
			}
			g := AWSConditionKey(s.ShortName, k.Name)
			if (len(g.Params) > 0) != (pass == 1) {
				continue
			}
			if owner[g.Ident] != "" && len(g.Params) > 0 {
				g.Ident = naming.ConditionKeyWithPlaceholders(s.ShortName, k.Name)
			}
			g.Ident = claim(g.Ident, "condition key "+k.Name, model.Pos{File: s.Source.File})
			p.AWS.Keys[i] = g
		}
	}
}
