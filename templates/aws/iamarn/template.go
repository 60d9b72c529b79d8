package iamarn

import (
	"strconv"
	"strings"
)

// Template is a resource type's ARN template as the Service Authorization
// Reference writes it: "arn:${Partition}:s3:::${BucketName}/${ObjectName}".
// Placeholders are ${Name}; ${Partition}, and ${Region} and ${Account} where the
// template has them, fill the first segments.
type Template string

// piece is a run of literal text or one placeholder of a template.
type piece struct {
	text        string
	placeholder bool
	segment     int // 0 partition, 1 service, 2 region, 3 account, 4 resource
}

// pieces splits the template; ok is false for a malformed one (no "arn:" prefix,
// fewer than six segments, an unclosed or empty placeholder).
func (t Template) pieces(yield func(piece) bool) bool {
	s := string(t)
	if !strings.HasPrefix(s, "arn:") {
		return false
	}
	s = s[len("arn:"):]
	seg := 0
	for s != "" {
		i := strings.Index(s, "${")
		lit := s
		if i >= 0 {
			lit = s[:i]
		}
		if lit != "" {
			if !yield(piece{text: lit, segment: seg}) {
				return true
			}
			if seg < 4 {
				seg = min(seg+strings.Count(lit, ":"), 4)
			}
		}
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 3 {
			return false
		}
		if !yield(piece{text: s[i+2 : i+j], placeholder: true, segment: seg}) {
			return true
		}
		s = s[i+j+1:]
	}
	return seg == 4
}

// Valid reports whether t is a well-formed template: "arn:", six segments, closed
// non-empty placeholders, and no placeholder where a colon would be.
func (t Template) Valid() bool { return t.pieces(func(piece) bool { return true }) }

// Placeholders returns the names a builder takes, in template order, each once,
// without Partition (which defaults to "aws" and is set with ARN.In).
func (t Template) Placeholders() []string {
	var out []string
	t.pieces(func(p piece) bool {
		if p.placeholder && p.text != "Partition" && !contains(out, p.text) {
			out = append(out, p.text)
		}
		return true
	})
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Build returns the ARN of the template with values for its Placeholders, in
// order, and partition "aws". It never panics: a wrong number of values, an empty
// value, or a colon in a value of the partition, region or account segment is
// recorded in the ARN (see the package comment), because it would otherwise build
// an ARN naming something else. Values may hold IAM wildcards, so that a builder
// also writes policy patterns: ObjectARN("my-bucket", "*").
func (t Template) Build(values ...string) ARN {
	if !t.Valid() {
		return ARN{err: arnError(string(t), "is not an ARN template")}
	}
	names := t.Placeholders()
	if len(values) != len(names) {
		return ARN{err: arnError(string(t), "takes "+strconv.Itoa(len(names))+" values "+strings.Join(names, ", ")+", got "+strconv.Itoa(len(values)))}
	}
	var b strings.Builder
	b.WriteString("arn:")
	var err error
	var filled [4]bool
	ok := t.pieces(func(p piece) bool {
		if !p.placeholder {
			b.WriteString(p.text)
			return true
		}
		v := string(PartitionAWS)
		if p.text != "Partition" {
			i := 0
			for names[i] != p.text {
				i++
			}
			v = values[i]
		}
		switch {
		case v == "":
			err = arnError(string(t), "empty "+p.text)
		case p.segment < 4 && strings.IndexByte(v, ':') >= 0:
			err = arnError(string(t), p.text+" "+strconv.Quote(v)+" holds a colon, which would shift the ARN's segments")
		case hasControl(v):
			err = arnError(string(t), p.text+" "+strconv.Quote(v)+" holds a control character")
		}
		if p.segment < 4 {
			filled[p.segment] = true
		}
		b.WriteString(v)
		return err == nil
	})
	if !ok {
		return ARN{err: arnError(string(t), "is not an ARN template")}
	}
	if err != nil {
		return ARN{err: err}
	}
	a, perr := Parse(b.String())
	if perr != nil {
		return ARN{err: perr}
	}
	// A segment the template writes out (empty, or S3's "us-west-2" for
	// multi-Region access point requests) is not the caller's to change.
	if !filled[2] {
		a.fixed |= fixedRegion
	}
	if !filled[3] {
		a.fixed |= fixedAccount
	}
	return a
}

// Match reports whether arn is an instance of the template: literal text equal,
// each placeholder standing for a non-empty run of characters. A placeholder never
// spans a colon, so a Lambda function's ARN is not also its alias's. Only the
// template's last placeholder may span a '/', and only when the resource segment
// has text before it ("role/${RoleNameWithPath}", "${BucketName}/${ObjectName}")
// or its name says it is a path ("${ApiGatewayResourcePath}"): so
// "arn:aws:s3:::b/k" is an object and not a bucket ("${BucketName}"). The
// templates do not say which names may hold a '/'; this rule is the one that
// tells the real templates apart, and a caller that must be sure checks all of
// them (catalog.ResourceTypesOf returns every match).
func (t Template) Match(arn string) bool {
	var ps []piece
	var buf [16]piece
	ps = buf[:0]
	if !t.pieces(func(p piece) bool { ps = append(ps, p); return true }) {
		return false
	}
	if !strings.HasPrefix(arn, "arn:") {
		return false
	}
	last := -1
	for i, p := range ps {
		if p.placeholder {
			last = i
		}
	}
	if last >= 0 && !spansSlash(ps, last) {
		last = -1
	}
	return matchPieces(ps, last, arn[len("arn:"):])
}

// MatchARN is Match for a parsed ARN; false for an invalid one.
func (t Template) MatchARN(a ARN) bool { return a.Err() == nil && t.Match(a.text()) }

func matchPieces(ps []piece, last int, s string) bool {
	if len(ps) == 0 {
		return s == ""
	}
	p := ps[0]
	if !p.placeholder {
		return strings.HasPrefix(s, p.text) && matchPieces(ps[1:], last-1, s[len(p.text):])
	}
	stop := ":/"
	if last == 0 {
		stop = ":"
	}
	for n := 1; n <= len(s); n++ {
		if strings.IndexByte(stop, s[n-1]) >= 0 {
			break
		}
		if matchPieces(ps[1:], last-1, s[n:]) {
			return true
		}
	}
	return false
}

// spansSlash applies Match's rule to the last placeholder ps[last].
func spansSlash(ps []piece, last int) bool {
	if strings.Contains(ps[last].text, "Path") {
		return true
	}
	if last == 0 || ps[last-1].placeholder || ps[last].segment < 4 {
		return false
	}
	before := ps[last-1].text
	if ps[last-1].segment < 4 {
		before = before[strings.LastIndexByte(before, ':')+1:]
	}
	return before != ""
}
