package camresolve

import (
	"errors"
	"fmt"
	"regexp"
	"sort"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

// apiName is what Tencent Cloud API 3.0 allows in an action name.
var apiName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// shortName is a CAM service short name (ccc, cvm, tdmq).
var shortName = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// resolveCAM turns a scraped Tencent CAM page into a Service.
func resolveCAM(p *model.Page, ov *resolve.Overrides) (*model.Service, error) {
	s := &model.Service{Kind: model.FormatTencentCAM, Source: p.Source}
	facts, fixed := ov.Facts(p)
	s.Diagnostics = append(s.Diagnostics, fixed...)
	corrected := *p
	corrected.Facts = facts
	p = &corrected
	var errs []error
	fail := func(err error) { errs = append(errs, err) }

	s.Name, s.ShortName = factText(p, model.FactProductName, fail), factText(p, model.FactShortName, fail)
	if s.ShortName != "" && !shortName.MatchString(s.ShortName) {
		f, _ := p.Fact(model.FactShortName)
		fail(model.Errorf(f.Pos, "short name %q is not a CAM service short name (lower-case letters, digits, '-', '_')", s.ShortName))
	}
	s.ConsoleAccess = factVocab(p, model.FactConsoleAccess, supports, fail)
	s.TagAuthorization = factVocab(p, model.FactTagAuthorization, supports, fail)
	s.Granularity = factVocab(p, model.FactGranularity, granularities, fail)
	s.IPRestriction = factVocab(p, model.FactIPRestriction, supports, fail)

	if len(p.Tables) == 0 {
		fail(model.Errorf(model.Pos{File: p.Source.File}, "no action tables"))
	}
	seen := map[string]model.Pos{}
	for _, t := range p.Tables {
		cat, d := category(t)
		if d != nil {
			s.Diagnostics = append(s.Diagnostics, *d)
		}
		for _, row := range t.Rows {
			a, ds, err := resolveAction(row, t, cat, ov)
			s.Diagnostics = append(s.Diagnostics, ds...)
			if err != nil {
				fail(err)
				continue
			}
			if prev, dup := seen[a.Name]; dup {
				fail(model.Errorf(row.Pos, "duplicate action %q: already listed at %s", a.Name, prev))
				continue
			}
			seen[a.Name] = row.Pos
			s.Actions = append(s.Actions, a)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sort.Slice(s.Actions, func(i, j int) bool { return s.Actions[i].Name < s.Actions[j].Name })
	s.Diagnostics = append(s.Diagnostics, camAnomalies(s)...)
	if s.Source.APIVersion == "" {
		s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: model.Pos{File: p.Source.File}, Code: "no-api-version",
			Msg: `the manifest entry of this page gives no "api_version": its generated Client refuses every call until one is set`})
	}
	return s, nil
}

func factText(p *model.Page, k string, fail func(error)) string {
	f, ok := p.Fact(k)
	if !ok || resolve.Text(f.Text) == "" {
		fail(model.Errorf(model.Pos{File: p.Source.File, Table: factsTable(p)}, "the service facts table has no %s", factNames[k]))
		return ""
	}
	return resolve.Text(f.Text)
}

// factVocab maps an optional fact; a missing one stays the zero value (unknown),
// which the emitted code says as such.
func factVocab[T comparable](p *model.Page, k string, v vocab[T], fail func(error)) T {
	var zero T
	f, ok := p.Fact(k)
	if !ok || resolve.Text(f.Text) == "" {
		return zero
	}
	t, err := v.parse(f)
	if err != nil {
		fail(err)
	}
	return t
}

func factsTable(p *model.Page) string {
	if len(p.Facts) > 0 {
		return p.Facts[0].Pos.Table
	}
	return ""
}

var factNames = map[string]string{
	model.FactProductName: "product name (CAM中产品名)",
	model.FactShortName:   "short name (CAM中简称)",
}

// resolveAction resolves one row; it returns the warnings of the row even on error.
func resolveAction(row model.Row, t model.Table, cat model.Category, ov *resolve.Overrides) (model.Action, []model.Diagnostic, error) {
	var ds []model.Diagnostic
	var errs []error
	get := func(k string) model.Field {
		f, ok := row.Field(k)
		if !ok {
			f.Pos = row.Pos
		}
		return f
	}
	// The row is named by its API name as found; every field an override names is
	// corrected before it is read.
	rowName := resolve.Text(get(model.KeyAPI).Text)
	fix := func(k string) model.Field {
		f, fixed := ov.Field(rowName, k, get(k))
		ds = append(ds, fixed...)
		return f
	}
	nameF := fix(model.KeyAPI)
	descF := fix(model.KeyDescription)
	a := model.Action{
		Name:        resolve.Text(nameF.Text),
		Description: resolve.Text(descF.Text),
		Category:    cat,
		Section:     resolve.Text(t.Heading),
		Pos:         row.Pos,
	}
	if !apiName.MatchString(a.Name) {
		errs = append(errs, model.Errorf(nameF.Pos, "API name %q is not an identifier (letters, digits, '_', starting with a letter)", a.Name))
	}
	var err error
	if a.Granularity, err = granularities.parse(fix(model.KeyGranularity)); err != nil {
		errs = append(errs, err)
	}
	if ipF := fix(model.KeyIP); resolve.Text(ipF.Text) != "" {
		if a.IPRestriction, err = supports.parse(ipF); err != nil {
			errs = append(errs, err)
		}
	}
	resF := get(model.KeyResource)
	parts := resF.Parts
	if parts == nil {
		parts = fieldsOf(resF.Text)
	}
	if len(parts) == 0 {
		errs = append(errs, model.Errorf(resF.Pos, "no resource pattern; operation-level actions list \"*\""))
	}
	for _, raw := range parts {
		found := resourceDiagnostics(raw, resF.Pos)
		fixed, reason := ov.Apply(a.Name, model.KeyResource, raw)
		for i := range found {
			found[i].Fixed = reason
		}
		ds = append(ds, found...)
		r, err := parseResource(fixed, resF.Pos)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if reason != "" {
			r.Raw = resolve.Text(raw)
		}
		a.Resources = append(a.Resources, r)
	}
	if len(errs) > 0 {
		return a, ds, errors.Join(errs...)
	}
	if a.Description == "" {
		ds = append(ds, model.Diagnostic{Pos: descF.Pos, Code: "empty-description", Msg: "the page gives no description"})
	}
	ds = append(ds, granularityDiagnostics(a, resF.Pos)...)
	return a, ds, nil
}

// granularityDiagnostics checks that the resources agree with the granularity.
func granularityDiagnostics(a model.Action, pos model.Pos) []model.Diagnostic {
	wild := false
	specific := false
	for _, r := range a.Resources {
		if r.IsWildcard() {
			wild = true
		} else {
			specific = true
		}
	}
	switch {
	case a.Granularity == model.OperationLevel && specific:
		return []model.Diagnostic{{Pos: pos, Code: "operation-level-resource",
			Msg: fmt.Sprintf("action %s is operation-level but lists a specific resource; CAM authorizes it only on \"*\"", a.Name)}}
	case a.Granularity == model.ResourceLevel && wild && !specific:
		return []model.Diagnostic{{Pos: pos, Code: "resource-level-wildcard",
			Msg: fmt.Sprintf("action %s is resource-level but lists only \"*\": no resource type to restrict it to", a.Name)}}
	}
	return nil
}
