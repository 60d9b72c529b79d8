package iamarn

// Match reports whether arn matches the pattern of a policy's Resource element
// with IAM's wildcards, as the IAM User Guide describes them: '*' stands for any
// run of characters and '?' for any single character within a segment (the parts
// separated by colons), and a '*' that is the last character of a segment can
// expand beyond the colon boundaries. The sixth segment, the resource, may itself
// hold colons; its '*' matches anything. Pattern "*" matches every ARN. Matching
// is case-sensitive, as ARN matching in IAM is. An arn that holds wildcards is
// compared as text, so a pattern matches only itself or what it covers.
func Match(pattern, arn string) bool {
	if pattern == "*" {
		return arn != ""
	}
	return globSegments(pattern, arn, 0)
}

// MatchARN is Match for a parsed ARN; false for an invalid one.
func MatchARN(pattern string, a ARN) bool { return a.Err() == nil && Match(pattern, a.text()) }

// globSegments matches p against s; seg counts the colons of p consumed so far
// (the first five separate segments; after them colons are ordinary). It
// backtracks only at '*', and ARNs are short.
func globSegments(p, s string, seg int) bool {
	for len(p) > 0 {
		c := p[0]
		switch {
		case c == '*':
			// A '*' ending a segment (followed by ':' or the end) may span colons;
			// inside a segment it stays within it. After the fifth colon every
			// '*' is in the resource and spans anything.
			free := seg >= 5 || len(p) == 1 || p[1] == ':'
			for n := 0; n <= len(s); n++ {
				if globSegments(p[1:], s[n:], seg) {
					return true
				}
				if n < len(s) && s[n] == ':' && !free {
					return false
				}
			}
			return false
		case len(s) == 0:
			return false
		case c == '?':
			if s[0] == ':' && seg < 5 {
				return false
			}
		case c == ':' && seg < 5:
			if s[0] != ':' {
				return false
			}
			seg++
		default:
			if c != s[0] {
				return false
			}
		}
		p, s = p[1:], s[1:]
	}
	return len(s) == 0
}
