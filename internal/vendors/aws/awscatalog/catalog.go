// Package awscatalog is the one builder of AWS's typed catalog from the model:
// Action turns one action of a page into the iam.ActionInfo that the emitter
// prints into the service's tables and into package catalog of the generated
// tree, ResourceType does the same for a resource type, and New gathers every
// service into the Catalog that `gen policy` checks documents against, so the
// commands need no generated tree and never disagree with it. (The SDK
// operation table, internal/awsops/opsgen, reads operations, not this catalog.)
package awscatalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/templates/aws/iam"
)

// Action is a of the service whose prefix is prefix as the runtime records it.
// A name that an iam list cannot carry (empty, white space, a control
// character) is an error naming the action; the access level is
// iam.UnknownAccessLevel for a word the runtime does not know.
func Action(prefix string, a model.Action) (iam.ActionInfo, error) {
	var rows []iam.ActionResourceType
	for _, r := range a.ResourceTypes {
		keys, err := list(r.ConditionKeys)
		if err != nil {
			return iam.ActionInfo{}, fmt.Errorf("action %s resource type %s: %w", a.Name, r.Name, err)
		}
		deps, err := list(r.DependentActions)
		if err != nil {
			return iam.ActionInfo{}, fmt.Errorf("action %s resource type %s: %w", a.Name, r.Name, err)
		}
		rows = append(rows, iam.ActionResourceType{Name: r.Name, Required: r.Required, ConditionKeys: iam.ConditionKeys(keys), DependentActions: deps})
	}
	enc, ok := iam.EncodeActionResourceTypes(rows...)
	if !ok {
		var names []string
		for _, r := range rows {
			names = append(names, r.Name)
		}
		return iam.ActionInfo{}, fmt.Errorf("action %s: a resource type name in %q is empty or holds a control character, which an iam list cannot carry", a.Name, names)
	}
	keys, err := list(a.ConditionKeys)
	if err != nil {
		return iam.ActionInfo{}, fmt.Errorf("action %s: %w", a.Name, err)
	}
	deps, err := list(a.DependentActions)
	if err != nil {
		return iam.ActionInfo{}, fmt.Errorf("action %s: %w", a.Name, err)
	}
	info := iam.ActionInfo{Service: prefix, Name: a.Name, Description: a.Description, ResourceTypes: enc,
		ConditionKeys: iam.ConditionKeys(keys), DependentActions: deps, DocURL: a.DocURL, Operation: a.Operation}
	info.AccessLevel, _ = iam.ParseAccessLevel(a.AccessLevel) // UnknownAccessLevel otherwise
	if a.Deprecated != nil {
		info.Deprecated = emit.DeprecatedText(a.Deprecated)
	}
	return info, nil
}

// ResourceType is rt of the service whose prefix is prefix as the runtime
// records it; a condition key an iam list cannot carry is an error.
func ResourceType(prefix string, rt model.ResourceType) (iam.ResourceTypeInfo, error) {
	keys, err := list(rt.ConditionKeys)
	if err != nil {
		return iam.ResourceTypeInfo{}, fmt.Errorf("resource type %s: %w", rt.Name, err)
	}
	return iam.ResourceTypeInfo{Service: prefix, Name: rt.Name, ARN: rt.Pattern, ConditionKeys: iam.ConditionKeys(keys)}, nil
}

// list is names as an iam list.
func list(names []string) (iam.Names, error) {
	l, ok := iam.NewNames(names...)
	if !ok {
		return "", fmt.Errorf("a name in %q is empty or holds white space, which an iam list cannot carry", names)
	}
	return l, nil
}

// Catalog is every action, resource type and condition key type of a set of
// AWS services, as the generated catalog package holds them. It implements
// iampolicy.Catalog and iampolicy.KeyTyper.
type Catalog struct {
	actions   map[string]iam.ActionInfo   // lower-case "prefix:name"
	byService map[string][]iam.ActionInfo // sorted by name
	rtypes    map[string]iam.ResourceTypeInfo
	keyTypes  map[string]iam.ConditionType // lower-case key, or key prefix ending before "${"/"<"
	templates []string                     // keys of keyTypes that are prefixes, longest first
}

// New builds the catalog of services (other vendors' services are left out).
// An entry the runtime cannot record is an error naming its page; no AWS
// action at all is an error too.
func New(services []*model.Service) (*Catalog, error) {
	c := &Catalog{actions: map[string]iam.ActionInfo{}, byService: map[string][]iam.ActionInfo{},
		rtypes: map[string]iam.ResourceTypeInfo{}, keyTypes: map[string]iam.ConditionType{}}
	var errs []string
	for _, s := range services {
		if s.Kind != model.FormatAWSSAR {
			continue
		}
		for _, k := range s.ConditionKeys {
			t, err := iam.ParseConditionType(k.Type)
			if err != nil {
				continue // an unknown type checks nothing
			}
			name := strings.ToLower(k.Name)
			if i := strings.IndexAny(name, "$<"); i >= 0 {
				name = name[:i]
				c.templates = append(c.templates, name)
			}
			c.keyTypes[name] = t
		}
		for _, rt := range s.ResourceTypes {
			info, err := ResourceType(s.ShortName, rt)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", s.Source.File, err))
				continue
			}
			c.rtypes[s.ShortName+"\x00"+rt.Name] = info
		}
		for _, a := range s.Actions {
			info, err := Action(s.ShortName, a)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", s.Source.File, err))
				continue
			}
			full := strings.ToLower(info.String())
			if _, dup := c.actions[full]; !dup {
				c.byService[s.ShortName] = append(c.byService[s.ShortName], info)
			}
			c.actions[full] = info
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	if len(c.actions) == 0 {
		return nil, fmt.Errorf("the sources hold no AWS pages")
	}
	for _, l := range c.byService {
		sort.Slice(l, func(i, j int) bool { return l[i].Name < l[j].Name })
	}
	sort.Slice(c.templates, func(i, j int) bool { return len(c.templates[i]) > len(c.templates[j]) })
	return c, nil
}

// LookupAction returns the action named "prefix:Name", case ignored.
func (c *Catalog) LookupAction(name string) (iam.ActionInfo, bool) {
	a, ok := c.actions[strings.ToLower(name)]
	return a, ok
}

// ServiceActions returns the actions of a prefix, sorted by name; nil for an
// unknown prefix.
func (c *Catalog) ServiceActions(prefix string) []iam.ActionInfo { return c.byService[prefix] }

// Prefixes returns every service prefix, sorted.
func (c *Catalog) Prefixes() []string {
	out := make([]string, 0, len(c.byService))
	for p := range c.byService {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// LookupResourceType returns the resource type name of a prefix.
func (c *Catalog) LookupResourceType(prefix, name string) (iam.ResourceTypeInfo, bool) {
	r, ok := c.rtypes[prefix+"\x00"+name]
	return r, ok
}

// KeyType returns the documented type of a condition key.
func (c *Catalog) KeyType(key string) (iam.ConditionType, bool) {
	k := strings.ToLower(key)
	if t, ok := c.keyTypes[k]; ok {
		return t, true
	}
	for _, p := range c.templates {
		if strings.HasPrefix(k, p) && len(k) > len(p) {
			return c.keyTypes[p], true
		}
	}
	return iam.UnknownConditionType, false
}
