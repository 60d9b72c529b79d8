package diff

import "sort"

// Class says how much a change matters to users of the generated code. The order of
// the constants in Classes is the order of severity, most severe first.
type Class string

const (
	// Breaking: code that compiled against the old tree no longer does (an action,
	// scope, resource type or package gone or renamed, a builder's parameters changed).
	Breaking Class = "breaking"
	// Policy: code still compiles, but an existing policy or token means something
	// else or stops working (granularity, resource patterns, IP restriction, scope
	// implication, a deprecation).
	Policy Class = "policy"
	// Additive: something new (action, scope, resource type, service).
	Additive Class = "additive"
	// Cosmetic: description, section or other text only.
	Cosmetic Class = "cosmetic"
)

// Classes lists every class, most severe first.
var Classes = []Class{Breaking, Policy, Additive, Cosmetic}

func (c Class) rank() int {
	for i, k := range Classes {
		if k == c {
			return i
		}
	}
	return len(Classes)
}

// Kind says what happened to the subject of a change.
type Kind string

const (
	Added      Kind = "added"
	Removed    Kind = "removed"
	Renamed    Kind = "renamed"
	Deprecated Kind = "deprecated" // still in the model, marked deprecated: gone from the page
	Restored   Kind = "restored"   // was deprecated, listed on the page again
	Changed    Kind = "changed"    // Field went from Old to New
)

// Subject is what a change is about.
type Subject string

const (
	SubjectService      Subject = "service"
	SubjectResourceType Subject = "resource_type"
	SubjectAction       Subject = "action"
	SubjectScope        Subject = "scope"
	SubjectConditionKey Subject = "condition_key" // a condition key a service defines
)

var subjectOrder = []Subject{SubjectService, SubjectConditionKey, SubjectResourceType, SubjectAction, SubjectScope}

func (s Subject) rank() int {
	for i, k := range subjectOrder {
		if k == s {
			return i
		}
	}
	return len(subjectOrder)
}

// Change is one difference between the old and the new model of a service. Its JSON
// form is part of the command's interface: fields are only ever added.
type Change struct {
	Class   Class   `json:"class"`
	Kind    Kind    `json:"kind"`
	Subject Subject `json:"subject"`
	// Name is the action, scope or resource type ("ccc/SdkAppId" for a resource type);
	// for a rename, the old name. Empty when the subject is the service itself.
	Name string `json:"name,omitempty"`
	// NewName is the new name of a rename, or the likely replacement of a deprecated
	// action or scope (one added with the same description and resources).
	NewName string `json:"new_name,omitempty"`
	// Field is the changed field for Kind changed, named as in the model's JSON
	// ("granularity", "resources", "source.url").
	Field string `json:"field,omitempty"`
	// Old and New are the field's values (lists joined by ", ") for Kind changed;
	// for "implies", the scopes no longer granted (Old) and newly granted (New).
	// An empty value is left out.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Detail is context for a reader: what an added action is, how the resources
	// moved along with a granularity change.
	Detail string `json:"detail,omitempty"`
}

// Service is the changes of one service, identified across both models by its kind,
// vendor and short name.
type Service struct {
	Kind      string `json:"kind"`
	Vendor    string `json:"vendor"`
	ShortName string `json:"short_name"`
	// Name is the product's name, the new model's when the service is in both.
	Name string `json:"name"`
	// Changes, most severe class first, then service, resource types, actions and
	// scopes, each by name.
	Changes []Change `json:"changes"`
}

// ID is how reports name the service: "tencentcloud/ccc", or "stella" when the short
// name is the vendor, as for scope tables.
func (s Service) ID() string {
	if s.ShortName == s.Vendor || s.ShortName == "" {
		return s.Vendor
	}
	return s.Vendor + "/" + s.ShortName
}

// Schema is the version of the JSON report; it changes only if a field changes
// meaning or disappears.
const Schema = 1

// Report is the result of Compare: every service with at least one change, sorted by
// ID then kind.
type Report struct {
	Schema   int           `json:"schema"`
	Counts   map[Class]int `json:"counts"` // changes per class, every class present
	Services []Service     `json:"services"`
}

// Worst returns the most severe class of any change, and false when nothing changed.
func (r *Report) Worst() (Class, bool) {
	for _, c := range Classes {
		if r.Counts[c] > 0 {
			return c, true
		}
	}
	return "", false
}

// Len is the number of changes.
func (r *Report) Len() int {
	n := 0
	for _, s := range r.Services {
		n += len(s.Changes)
	}
	return n
}

// finish sorts and counts. Changes of one subject keep the order they were found in
// (the model's field order), which the sort is stable about.
func (r *Report) finish() {
	r.Schema = Schema
	r.Counts = map[Class]int{}
	for _, c := range Classes {
		r.Counts[c] = 0
	}
	kept := r.Services[:0]
	for _, s := range r.Services {
		if len(s.Changes) == 0 {
			continue
		}
		sort.SliceStable(s.Changes, func(i, j int) bool {
			a, b := s.Changes[i], s.Changes[j]
			if a.Class != b.Class {
				return a.Class.rank() < b.Class.rank()
			}
			if a.Subject != b.Subject {
				return a.Subject.rank() < b.Subject.rank()
			}
			return a.Name < b.Name
		})
		for _, c := range s.Changes {
			r.Counts[c.Class]++
		}
		kept = append(kept, s)
	}
	r.Services = kept
	sort.SliceStable(r.Services, func(i, j int) bool {
		a, b := r.Services[i], r.Services[j]
		if a.ID() != b.ID() {
			return a.ID() < b.ID()
		}
		return a.Kind < b.Kind
	})
	if r.Services == nil {
		r.Services = []Service{}
	}
}
