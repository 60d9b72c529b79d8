package iampolicy

import (
	"sort"
	"strings"

	"github.com/permgen/permgen/templates/aws/iam"
	"github.com/permgen/permgen/templates/aws/iamarn"
)

// Catalog looks up what the Service Authorization Reference says about any action
// of any service. The generated tree-wide package catalog provides these three
// functions; wrap them with CatalogFuncs:
//
//	iampolicy.CatalogFuncs{LookupActionFunc: catalog.LookupAction,
//		ServiceActionsFunc: catalog.ServiceActions, LookupResourceTypeFunc: catalog.LookupResourceType}
type Catalog interface {
	// LookupAction returns the action "prefix:Name", compared without case.
	LookupAction(name string) (iam.ActionInfo, bool)
	// ServiceActions returns the actions of a service prefix; nil for an unknown one.
	ServiceActions(prefix string) []iam.ActionInfo
	// LookupResourceType returns the resource type name of service prefix.
	LookupResourceType(prefix, name string) (iam.ResourceTypeInfo, bool)
}

// KeyTyper is implemented by a Catalog that knows condition keys' documented
// types itself; otherwise iam.ConditionKey.Type (the generated key table) answers.
type KeyTyper interface {
	KeyType(key string) (iam.ConditionType, bool)
}

// keyType returns the documented type of key k.
func keyType(cat Catalog, k string) iam.ConditionType {
	if kt, ok := cat.(KeyTyper); ok {
		if t, ok := kt.KeyType(k); ok {
			return t
		}
	}
	if t := iam.ConditionKey(k).Type(); t.Valid() {
		return t
	}
	t, _ := globalKeyType(k)
	return t
}

// CatalogFuncs makes a Catalog of three functions, such as the generated catalog
// package's.
type CatalogFuncs struct {
	LookupActionFunc       func(name string) (iam.ActionInfo, bool)
	ServiceActionsFunc     func(prefix string) []iam.ActionInfo
	LookupResourceTypeFunc func(prefix, name string) (iam.ResourceTypeInfo, bool)
}

// LookupAction calls LookupActionFunc.
func (c CatalogFuncs) LookupAction(name string) (iam.ActionInfo, bool) {
	return c.LookupActionFunc(name)
}

// ServiceActions calls ServiceActionsFunc.
func (c CatalogFuncs) ServiceActions(prefix string) []iam.ActionInfo {
	return c.ServiceActionsFunc(prefix)
}

// LookupResourceType calls LookupResourceTypeFunc.
func (c CatalogFuncs) LookupResourceType(prefix, name string) (iam.ResourceTypeInfo, bool) {
	return c.LookupResourceTypeFunc(prefix, name)
}

// resourceTypes returns the resource types an action acts on, resolved through
// the catalog ("prefix:name" rows name another service's type).
func resourceTypes(cat Catalog, a iam.ActionInfo) []iam.ResourceTypeInfo {
	var out []iam.ResourceTypeInfo
	for row := range a.ResourceTypes.All() {
		prefix, name := a.Service, row.Name
		if p, n, ok := strings.Cut(row.Name, ":"); ok {
			prefix, name = p, n
		}
		if rt, ok := cat.LookupResourceType(prefix, name); ok {
			out = append(out, rt)
		}
	}
	return out
}

// actsOn reports whether action a can act on resource (an ARN or pattern), by the
// ARN templates of its resource types. "*" fits every action; an action that takes
// no resource fits only "*".
func actsOn(cat Catalog, a iam.ActionInfo, resource string) bool {
	if resource == "*" {
		return true
	}
	if a.WildcardOnly() {
		return false
	}
	for _, rt := range resourceTypes(cat, a) {
		if iamTemplateMatch(rt.ARN, resource) || patternCouldMatch(rt.ARN, resource) {
			return true
		}
	}
	return false
}

// patternCouldMatch reports whether a pattern with wildcards names some instance
// of the template: its wildcards, read as a short name or a short path, give an
// ARN the template matches ("arn:aws:s3:::b/*" names objects, not buckets).
func patternCouldMatch(template, pattern string) bool {
	if !strings.ContainsAny(pattern, "*?") {
		return false
	}
	t := iamarn.Template(template)
	for _, fill := range []string{"x", "x/x"} {
		r := strings.NewReplacer("*", fill, "?", "x")
		if t.Match(r.Replace(pattern)) {
			return true
		}
	}
	return false
}

// keyHonoured reports whether an action takes condition key k: a global aws: key,
// one of its request-level or resource-type rows' keys, or a key of one of its
// resource types. Template keys ("aws:ResourceTag/${TagKey}",
// "s3:ExistingObjectTag/<key>") match any key with their prefix.
func keyHonoured(cat Catalog, a iam.ActionInfo, k string) bool {
	if len(k) > 4 && strings.EqualFold(k[:4], "aws:") {
		return true
	}
	for key := range a.ConditionKeys.All() {
		if keyMatches(string(key), k) {
			return true
		}
	}
	for row := range a.ResourceTypes.All() {
		for key := range row.ConditionKeys.All() {
			if keyMatches(string(key), k) {
				return true
			}
		}
	}
	if cat != nil {
		for _, rt := range resourceTypes(cat, a) {
			for key := range rt.ConditionKeys.All() {
				if keyMatches(string(key), k) {
					return true
				}
			}
		}
	}
	return false
}

func keyMatches(listed, k string) bool {
	if i := strings.IndexAny(listed, "$<"); i >= 0 {
		return len(k) > i && strings.EqualFold(listed[:i], k[:i])
	}
	return strings.EqualFold(listed, k)
}

// ActionsByLevel returns the actions of a service at the given access levels,
// sorted by name.
func ActionsByLevel(cat Catalog, prefix string, levels ...iam.AccessLevel) []iam.ActionInfo {
	var out []iam.ActionInfo
	for _, a := range cat.ServiceActions(prefix) {
		for _, l := range levels {
			if a.AccessLevel == l {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// ActionsMatching returns the actions an Action pattern such as "s3:Get*" names
// today, sorted by name; "*" alone is refused by returning nil (use the catalog).
func ActionsMatching(cat Catalog, pattern string) []iam.ActionInfo {
	prefix, _, ok := strings.Cut(pattern, ":")
	if !ok || strings.ContainsAny(prefix, "*?") {
		return nil
	}
	var out []iam.ActionInfo
	for _, a := range cat.ServiceActions(strings.ToLower(prefix)) {
		if m, _ := matchGlob(pattern, a.String(), true, true, false, nil); m {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// iamTemplateMatch is iamarn's Template.Match, also for a resource AWS itself owns,
// whose ARN has an empty account where the template has ${Account}: AWS-owned SSM
// documents ("arn:aws:ssm:us-east-2::document/AWS-RunShellScript") and public
// AMIs ("arn:aws:ec2:us-east-1::image/ami-…") are written so in policies.
func iamTemplateMatch(template, arn string) bool {
	t := iamarn.Template(template)
	if t.Match(arn) {
		return true
	}
	f := strings.SplitN(arn, ":", 6)
	if len(f) != 6 || f[4] != "" || !strings.Contains(template, ":${Account}:") {
		return false
	}
	f[4] = "000000000000" // any account: the template's placeholder, filled
	return t.Match(strings.Join(f, ":"))
}

// Actions turns catalog rows into the actions Allow and Deny take:
// Allow(Actions(ActionsByLevel(cat, "s3", iam.Read))...).
func Actions(infos []iam.ActionInfo) []iam.Action {
	out := make([]iam.Action, len(infos))
	for i, a := range infos {
		out[i] = a
	}
	return out
}
