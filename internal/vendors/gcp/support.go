package gcp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// DetectSupport says whether data is the custom-role support page.
func DetectSupport(data []byte) bool {
	return bytes.Contains(data, []byte("/iam/docs/custom-roles-permissions-support")) ||
		bytes.Contains(data, []byte("Support levels for permissions in custom roles"))
}

// DetectDeny says whether data is the deny-permissions page.
func DetectDeny(data []byte) bool {
	return bytes.Contains(data, []byte("/iam/docs/deny-permissions-support")) ||
		bytes.Contains(data, []byte("Permissions supported in deny policies"))
}

// ReadSupport reads the custom-role support page: the Markdown pipe table
// "Permission name | Custom roles support level", both cells in backticks. The
// legend table above it (Support level | Description) is not data.
func ReadSupport(file string, data []byte) (map[string]Support, error) {
	if isLiveHTML(data) {
		file, data = file+" (its text)", liveLines(data) // live.go
	}
	levels := map[string]Support{}
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line, inTable, row := 0, false, 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(t, "|") {
			inTable = false
			continue
		}
		cells := strings.Split(strings.Trim(t, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) == 2 && cells[0] == "Permission name" {
			inTable, row = true, 0
			continue
		}
		if !inTable || strings.HasPrefix(cells[0], "---") {
			continue
		}
		row++
		at := fmt.Sprintf("%s:%d: table Permission name | Custom roles support level row %d", file, line, row)
		if len(cells) != 2 {
			errs = append(errs, fmt.Errorf("%s: %d cells, want 2", at, len(cells)))
			continue
		}
		name := strings.Trim(cells[0], "`")
		name = string(appendNoSpace(nil, []byte(name)))
		level := Support(strings.Trim(cells[1], "` "))
		if !validPermission(name) {
			errs = append(errs, fmt.Errorf("%s column Permission name: %q is not a permission name", at, name))
			continue
		}
		switch level {
		case Supported, Testing, NotSupported:
		default:
			errs = append(errs, fmt.Errorf("%s column Custom roles support level: unknown level %q; known: SUPPORTED, TESTING, NOT_SUPPORTED", at, level))
			continue
		}
		if old, dup := levels[name]; dup && old != level {
			errs = append(errs, fmt.Errorf("%s column Permission name: %s listed twice, as %s and %s", at, name, old, level))
			continue
		}
		levels[name] = level
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(levels) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: no table with the header Permission name | Custom roles support level", file))
	}
	return levels, errors.Join(errs...)
}

// DenyEntry is one permission of the deny page: its v2 name and, where the page
// says so ("In the IAM v1 API, this permission is named …"), its v1 name.
type DenyEntry struct {
	V2      string
	V1      string // empty: derived from V2 by the page's rule
	Aliases []string
	Line    int
}

// ReadDeny reads the deny-permissions page: one backticked v2 name a line,
// optionally followed by a note giving its v1 name and an "Aliases:" list.
// Wildcard entries (x.googleapis.com/res.*) are kept; they name no single
// permission.
func ReadDeny(file string, data []byte) ([]DenyEntry, error) {
	if isLiveHTML(data) {
		file, data = file+" (its text)", liveLines(data) // live.go
	}
	var (
		out     []DenyEntry
		errs    []error
		aliases bool
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	const v1Note = "In the IAM v1 API, this permission is named"
	for sc.Scan() {
		line++
		raw := sc.Text()
		t := strings.TrimSpace(raw)
		switch {
		case t == "":
		case t == "Aliases:":
			aliases = true
		case strings.HasPrefix(t, "- `") && aliases:
			if len(out) == 0 {
				errs = append(errs, fmt.Errorf("%s:%d: alias before any permission", file, line))
				continue
			}
			last := &out[len(out)-1]
			last.Aliases = append(last.Aliases, string(appendNoSpace(nil, []byte(strings.Trim(t[2:], "`")))))
		case strings.HasPrefix(t, "> ") && strings.Contains(t, v1Note):
			_, after, _ := strings.Cut(t, v1Note)
			v1 := string(appendNoSpace(nil, []byte(strings.Trim(strings.TrimSpace(after), "`. "))))
			v1 = strings.Trim(v1, "`.")
			if len(out) == 0 || !validPermission(v1) {
				errs = append(errs, fmt.Errorf("%s:%d: v1-name note %q does not follow a permission or names no permission", file, line, t))
				continue
			}
			out[len(out)-1].V1 = v1
		case strings.HasPrefix(t, "`") && strings.HasSuffix(t, "`") && strings.Count(t, "`") == 2:
			aliases = false
			v2 := string(appendNoSpace(nil, []byte(strings.Trim(t, "`"))))
			if !strings.Contains(v2, "/") {
				continue // prose in backticks, e.g. the format description
			}
			out = append(out, DenyEntry{V2: v2, Line: line})
		default:
			aliases = false
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: no permissions in the v2 form service.googleapis.com/resource.verb found", file))
	}
	return out, errors.Join(errs...)
}

// v1Name derives a permission's v1 name from its v2 name by the page's rule: the
// v2 form is SERVICE_FQDN/RESOURCE.ACTION, and SERVICE_FQDN is usually the v1
// service id followed by .googleapis.com.
func v1Name(v2 string) (string, bool) {
	fqdn, rest, ok := strings.Cut(v2, "/")
	if !ok || strings.Contains(v2, "*") {
		return "", false
	}
	svc, ok := strings.CutSuffix(fqdn, ".googleapis.com")
	if !ok {
		return "", false
	}
	return svc + "." + rest, true
}
