package iampolicy

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"
)

// FilterOptions say which findings a caller wants, as parliament's
// configuration does: a severity threshold, codes to ignore, and findings
// suppressed one by one with a reason.
type FilterOptions struct {
	MinSeverity Severity      // findings below are dropped; 0 keeps all
	Ignore      []string      // codes to drop
	Suppress    []Suppression // findings to drop, by file, code and path
	File        string        // the file the findings are of, for Suppression.File
}

// Suppression drops the findings of one code at one place. Path is a finding's
// JSON path, or a prefix of one ending in "*" ("Statement[2]*"); File is a
// path.Match pattern of the policy file, empty for every file. Reason is
// required: a suppression says why.
type Suppression struct {
	File   string `json:"file,omitempty"`
	Code   string `json:"code"`
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func (s Suppression) matches(f Finding, file string) bool {
	if s.Code != f.Code {
		return false
	}
	if s.File != "" {
		if ok, _ := path.Match(s.File, file); !ok {
			return false
		}
	}
	if p, ok := strings.CutSuffix(s.Path, "*"); ok {
		return strings.HasPrefix(f.Path, p)
	}
	return s.Path == f.Path
}

// Filter returns the findings the options keep, in order.
func Filter(fs []Finding, o FilterOptions) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity < o.MinSeverity || contains(o.Ignore, f.Code) {
			continue
		}
		kept := true
		for _, s := range o.Suppress {
			if s.matches(f, o.File) {
				kept = false
				break
			}
		}
		if kept {
			out = append(out, f)
		}
	}
	return out
}

// ParseSuppressions reads a suppression file:
//
//	{"suppressions": [{"file": "policies/*.json", "code": "AWS023",
//	  "path": "Statement[0].Resource[0]", "reason": "read-only listing"}]}
//
// Every entry needs a code, a path and a reason; errors name the entry.
func ParseSuppressions(data []byte) ([]Suppression, error) {
	var doc struct {
		Suppressions []Suppression `json:"suppressions"`
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	var errs []string
	for i, s := range doc.Suppressions {
		var missing []string
		if s.Code == "" {
			missing = append(missing, "code")
		}
		if s.Path == "" {
			missing = append(missing, "path")
		}
		if strings.TrimSpace(s.Reason) == "" {
			missing = append(missing, "reason")
		}
		if len(missing) > 0 {
			errs = append(errs, fmt.Sprintf("suppressions[%d]: no %s", i, strings.Join(missing, ", ")))
		}
		if s.File != "" {
			if _, err := path.Match(s.File, ""); err != nil {
				errs = append(errs, fmt.Sprintf("suppressions[%d].file: %v", i, err))
			}
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return doc.Suppressions, nil
}
