package camresolve

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

// placeholder matches the spellings pages use for a variable part of a pattern:
// ${name}, $name and {$name}.
var placeholder = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\{\$([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)

// normalizePlaceholders rewrites every placeholder to ${name}. The region and account
// placeholders get one spelling each (${region}, ${uin}) because CAM gives them one
// meaning whatever the page calls them.
func normalizePlaceholders(seg string, canonical string) string {
	// Every spelling starts or ends its name with '$': a segment without one
	// (most) is not run through the regexp, which tries its three alternatives at
	// every byte.
	if !strings.Contains(seg, "$") {
		return seg
	}
	return placeholder.ReplaceAllStringFunc(seg, func(m string) string {
		sub := placeholder.FindStringSubmatch(m)
		name := sub[1] + sub[2] + sub[3]
		if canonical != "" && strings.EqualFold(name, canonical) {
			name = canonical
		}
		return "${" + name + "}"
	})
}

// placeholders lists the ${names} of a normalized segment in order.
func placeholders(seg string) []string {
	if !strings.Contains(seg, "$") {
		return nil
	}
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(seg, -1) {
		names = append(names, m[1])
	}
	return names
}

// serviceSegment is what CAM service names look like (cvm, tdmq, ccc); an empty one
// means every service.
var serviceSegment = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// patternChars rejects what no CAM pattern contains, so that a pattern is safe to
// print anywhere (a doc comment, a README table) and a page's slip is an error
// with its place rather than a strange name in generated code: anything outside
// printable ASCII, white space, quotes, angle brackets and backslashes.
func badPatternChar(s string) (rune, bool) {
	for _, r := range s {
		if r <= ' ' || r > '~' || strings.ContainsRune("\"'`<>\\", r) {
			return r, true
		}
	}
	return 0, false
}

// parseResource reads one six-segment pattern as found in a cell:
// qcs:project:service:region:account:resource. The sixth segment keeps any further
// colons, as CAM does.
func parseResource(raw string, pos model.Pos) (model.Resource, error) {
	s := resolve.Text(raw)
	if s == "*" {
		return model.Resource{Pattern: "*"}, nil
	}
	if r, bad := badPatternChar(s); bad {
		return model.Resource{}, model.Errorf(pos, "resource %q contains %q, which no CAM pattern does; correct the snapshot or add an override", s, r)
	}
	seg := strings.SplitN(s, ":", 6)
	if len(seg) != 6 || seg[0] != "qcs" {
		return model.Resource{}, model.Errorf(pos, "resource %q is not a six-segment pattern qcs:project:service:region:account:resource", s)
	}
	r := model.Resource{
		Project: normalizePlaceholders(seg[1], ""),
		Service: seg[2],
		Region:  normalizePlaceholders(seg[3], "region"),
		Account: normalizePlaceholders(seg[4], "uin"),
		Path:    normalizePlaceholders(seg[5], ""),
	}
	if r.Service == "" {
		return model.Resource{}, model.Errorf(pos, "resource %q has an empty service segment", s)
	}
	if !serviceSegment.MatchString(r.Service) {
		return model.Resource{}, model.Errorf(pos, "resource %q has service %q; CAM service names are lower-case letters, digits, '-' and '_'", s, r.Service)
	}
	for _, seg := range []string{r.Project, r.Region, r.Account, r.Path} {
		if rest := placeholder.ReplaceAllString(seg, ""); strings.ContainsAny(rest, "${}") {
			return model.Resource{}, model.Errorf(pos, "resource %q has a malformed placeholder in %q; write ${name} with a name of letters, digits and '_'", s, seg)
		}
	}
	if r.Path == "" {
		return model.Resource{}, model.Errorf(pos, "resource %q has an empty resource segment", s)
	}
	r.Type, _, _ = strings.Cut(r.Path, "/")
	r.Pattern = strings.Join([]string{"qcs", r.Project, r.Service, r.Region, r.Account, r.Path}, ":")
	if r.Pattern != s {
		r.Raw = s
	}
	return r, nil
}

// resourceDiagnostics reports the vendor slips a pattern shows as found; they are
// warnings because CAM's meaning is still clear to a reader.
func resourceDiagnostics(raw string, pos model.Pos) []model.Diagnostic {
	var ds []model.Diagnostic
	s := resolve.Text(raw)
	seg := strings.SplitN(s, ":", 6)
	if len(seg) == 6 && seg[4] == "uin/" {
		ds = append(ds, model.Diagnostic{Pos: pos, Code: "empty-account",
			Msg: fmt.Sprintf("resource %q has account \"uin/\" with no ${uin}: a policy built from it names no account", s)})
	}
	return ds
}
