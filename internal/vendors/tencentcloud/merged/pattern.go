package merged

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	// Names may hold '-' as written (chdfs: ${region-id}); they become '_' so that
	// a placeholder is a Go identifier in the builders.
	placeholderRe = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_-]*)\}|\{\$([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)
	serviceRe     = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	concreteUIN   = regexp.MustCompile(`^(uin|uid)/[0-9]+$`)
)

// normalizePattern turns an old page's pattern into the six-segment form with
// ${placeholders}: $region:$account → ${region}:uin/${uin}, every $name and {$name}
// → ${name}, the service renamed as the prefix mappings say (ccs → tke; the live
// pages' ${ApiModule} → prefix). A five-segment pattern that omits the account
// (qcs::privatedns::zone/${ZoneId}) gets the account uin/${uin}, and a concrete example
// account (uid/1250000000) its placeholder. Each such repair is returned as a note.
// A pattern that still is no six-segment pattern is an error saying why.
func normalizePattern(raw, prefix string) (string, []string, error) {
	var notes []string
	s := strings.TrimRight(strings.TrimSpace(raw), ".;,")
	seg := strings.Split(s, ":")
	if len(seg) < 5 || seg[0] != "qcs" {
		return "", nil, fmt.Errorf("%q has %d segments; a CAM resource is qcs:project:service:region:account:resource", raw, len(seg))
	}
	if len(seg) == 5 {
		seg = []string{seg[0], seg[1], seg[2], seg[3], "uin/${uin}", seg[4]}
		notes = append(notes, fmt.Sprintf("%q omits the account segment; read as uin/${uin}", raw))
	} else if len(seg) > 6 {
		seg = append(seg[:5], strings.Join(seg[5:], ":"))
	}
	switch svc := seg[2]; {
	case svc == "${ApiModule}":
		seg[2] = prefix
		notes = append(notes, fmt.Sprintf("%q names the service ${ApiModule}; read as %s", raw, prefix))
	case docPrefix(svc) != svc:
		seg[2] = docPrefix(svc)
	}
	switch acct := seg[4]; {
	case acct == "$account" || acct == "${account}" || acct == "$accountid" || acct == "${Account}" || acct == "$uin" || acct == "${uin}" || acct == "${Uin}" || acct == "${OwnerUin}":
		seg[4] = "uin/${uin}"
	case strings.HasPrefix(acct, "uin/") && placeholderRe.MatchString(acct) && placeholderRe.ReplaceAllString(acct, "") == "uin/":
		// uin/$uin, uin/${Uin}, uin/${OwnerUin}: the account, by one name.
		seg[4] = "uin/${uin}"
	case concreteUIN.MatchString(acct):
		kind, _, _ := strings.Cut(acct, "/")
		seg[4] = kind + "/${" + kind + "}"
		notes = append(notes, fmt.Sprintf("%q gives an example account; read as %s", raw, seg[4]))
	}
	for i := 1; i < 6; i++ {
		canonical := ""
		switch i {
		case 3:
			canonical = "region"
		case 4:
			canonical = "uin"
		}
		seg[i] = placeholderRe.ReplaceAllStringFunc(seg[i], func(m string) string {
			sub := placeholderRe.FindStringSubmatch(m)
			name := strings.ReplaceAll(sub[1]+sub[2]+sub[3], "-", "_")
			if canonical != "" && (strings.EqualFold(name, canonical) || canonical == "region" && strings.EqualFold(name, "region_id")) {
				name = canonical
			}
			return "${" + name + "}"
		})
	}
	out := strings.Join(seg, ":")
	switch {
	case !serviceRe.MatchString(seg[2]):
		return "", notes, fmt.Errorf("%q: service segment %q is no CAM service name", raw, seg[2])
	case seg[5] == "":
		return "", notes, fmt.Errorf("%q has an empty resource segment", raw)
	case strings.ContainsAny(strings.ReplaceAll(placeholderRe.ReplaceAllString(out, ""), "*", ""), "${} \"'`<>\\"):
		return "", notes, fmt.Errorf("%q: a malformed placeholder or a character no CAM pattern has", raw)
	}
	for _, r := range out {
		if r <= ' ' || r > '~' {
			return "", notes, fmt.Errorf("%q holds %q, which no CAM pattern does", raw, r)
		}
	}
	return out, notes, nil
}
