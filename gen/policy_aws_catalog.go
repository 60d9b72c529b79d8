package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/templates/aws/iam"
)

// awsCatalog is the AWS catalog the policy commands check against, built from the
// model the sources give (the same rows the generated catalog package holds), so
// the commands need no generated tree. It implements iampolicy.Catalog and
// iampolicy.KeyTyper.
type awsCatalog struct {
	actions   map[string]iam.ActionInfo   // lower-case "prefix:name"
	byService map[string][]iam.ActionInfo // sorted by name
	rtypes    map[string]iam.ResourceTypeInfo
	keyTypes  map[string]iam.ConditionType // lower-case key, or key prefix ending before "${"/"<"
	templates []string                     // keys of keyTypes that are prefixes, longest first
	// note says, for stderr, that the catalog is not the one -in names (the
	// compiled-in one); empty otherwise.
	note string
}

// loadAWSCatalog reads the sources folder or generated tree -in names, or the
// catalog compiled into the binary (policyServices says when); tests replace it.
var loadAWSCatalog = func(in string) (*awsCatalog, error) {
	services, note, err := policyServices(in, model.FormatAWSSAR)
	if err != nil {
		return nil, err
	}
	c, err := newAWSCatalog(services)
	if c != nil {
		c.note = note
	}
	return c, err
}

func newAWSCatalog(services []*model.Service) (*awsCatalog, error) {
	c := &awsCatalog{actions: map[string]iam.ActionInfo{}, byService: map[string][]iam.ActionInfo{},
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
			c.rtypes[s.ShortName+"\x00"+rt.Name] = iam.ResourceTypeInfo{Service: s.ShortName, Name: rt.Name, ARN: rt.Pattern,
				ConditionKeys: iam.ConditionKeys(strings.Join(rt.ConditionKeys, " "))}
		}
		for _, a := range s.Actions {
			info := iam.ActionInfo{Service: s.ShortName, Name: a.Name, Description: a.Description, DocURL: a.DocURL, Operation: a.Operation,
				ConditionKeys: iam.ConditionKeys(strings.Join(a.ConditionKeys, " ")), DependentActions: iam.Names(strings.Join(a.DependentActions, " "))}
			info.AccessLevel, _ = iam.ParseAccessLevel(a.AccessLevel)
			var rows []iam.ActionResourceType
			for _, r := range a.ResourceTypes {
				rows = append(rows, iam.ActionResourceType{Name: r.Name, Required: r.Required,
					ConditionKeys: iam.ConditionKeys(strings.Join(r.ConditionKeys, " ")), DependentActions: iam.Names(strings.Join(r.DependentActions, " "))})
			}
			var ok bool
			if info.ResourceTypes, ok = iam.EncodeActionResourceTypes(rows...); !ok {
				errs = append(errs, fmt.Sprintf("%s: action %s: a resource type row cannot be encoded", s.Source.File, a.Name))
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

func (c *awsCatalog) LookupAction(name string) (iam.ActionInfo, bool) {
	a, ok := c.actions[strings.ToLower(name)]
	return a, ok
}

func (c *awsCatalog) ServiceActions(prefix string) []iam.ActionInfo { return c.byService[prefix] }

func (c *awsCatalog) LookupResourceType(prefix, name string) (iam.ResourceTypeInfo, bool) {
	r, ok := c.rtypes[prefix+"\x00"+name]
	return r, ok
}

// KeyType returns the documented type of a condition key.
func (c *awsCatalog) KeyType(key string) (iam.ConditionType, bool) {
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
