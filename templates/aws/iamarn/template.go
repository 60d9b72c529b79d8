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
// spans a colon, so a Lambda function's ARN is not also its alias's. A
// placeholder may span a '/' only when the resource segment has text before it
// ("role/${RoleNameWithPath}", "log-group:${LogGroupName}") and it is the last
// placeholder or what follows it does not start with a '/' (spansSlash), or when
// it is the last and its name says it is a path ("${ApiGatewayResourcePath}"): so
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
	// span has bit i set when ps[i] may hold a '/' (spansSlash).
	var span uint64
	last := -1
	for i, p := range ps {
		if p.placeholder {
			last = i
		}
	}
	for i, p := range ps {
		if p.placeholder && i < 64 && spansSlash(ps, i, i == last) {
			span |= 1 << i
		}
	}
	return matchPieces(ps, span, arn[len("arn:"):])
}

// MatchARN is Match for a parsed ARN; false for an invalid one.
func (t Template) MatchARN(a ARN) bool { return a.Err() == nil && t.Match(a.text()) }

func matchPieces(ps []piece, span uint64, s string) bool {
	if len(ps) == 0 {
		return s == ""
	}
	p := ps[0]
	if !p.placeholder {
		return strings.HasPrefix(s, p.text) && matchPieces(ps[1:], span>>1, s[len(p.text):])
	}
	stop := ":/"
	if span&1 != 0 {
		stop = ":"
	}
	for n := 1; n <= len(s); n++ {
		if strings.IndexByte(stop, s[n-1]) >= 0 {
			break
		}
		if matchPieces(ps[1:], span>>1, s[n:]) {
			return true
		}
	}
	return false
}

// spansSlash applies Match's rule to the placeholder ps[i]: it may hold a '/'
// when the resource segment has text before it, and it is the template's last
// placeholder or the text after it does not start with a '/'
// ("log-group:${LogGroupName}:log-stream:${LogStreamName}": a log group's name
// holds slashes in both templates; "table/${DatabaseName}/${TableName}": the
// database's does not). A last placeholder whose name says it is a path
// ("${ApiGatewayResourcePath}") always may.
func spansSlash(ps []piece, i int, last bool) bool {
	if last && strings.Contains(ps[i].text, "Path") {
		return true
	}
	if i == 0 || ps[i-1].placeholder || ps[i].segment < 4 {
		return false
	}
	if !last && (i+1 >= len(ps) || ps[i+1].placeholder || strings.HasPrefix(ps[i+1].text, "/")) {
		return false
	}
	// The literal before it may start in an earlier segment (":log-group:" after
	// ${Account}): only its part in the resource segment counts, what follows the
	// colon that ends the account segment ("log-group:", so a log group's name,
	// "/aws/lambda/fn", spans slashes; ":::" before an S3 ${BucketName} leaves
	// nothing, so a bucket's does not).
	before := ps[i-1].text
	for n := ps[i-1].segment; n < 4; n++ {
		j := strings.IndexByte(before, ':')
		if j < 0 {
			return false
		}
		before = before[j+1:]
	}
	return before != ""
}
