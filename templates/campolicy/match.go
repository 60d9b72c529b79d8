package campolicy

// MatchPattern reports whether name matches pattern, where each '*' in pattern matches
// any run of bytes, including none and including ':' and '/'. Every other byte matches
// itself, case-sensitively. It is the wildcard CAM applies to actions ("ccc:Describe*")
// and resources ("qcs::ccc::uin/100001:SdkAppId/*"). It does not allocate.
func MatchPattern(pattern, name string) bool { return match(pattern, name) }

// match is MatchPattern for names held in a string or in a byte buffer, so the
// evaluator can assemble a resource name on the stack and match it without allocating.
func match[S string | []byte](pattern string, name S) bool { return matchOpt(pattern, name, false) }

// matchLoose is the reading a deny statement gets where the docs are silent: letters
// match in either case and '?' matches any one byte, so the deny applies to every name
// the pattern might mean. An allow never gets it.
func matchLoose(pattern, name string) bool { return matchOpt(pattern, name, true) }

func matchOpt[S string | []byte](pattern string, name S, loose bool) bool {
	// Greedy with one backtracking point: with '*' as the only wildcard, retrying from
	// the last star is enough, which keeps the worst case at len(pattern)*len(name).
	p, n := 0, 0
	star, starN := -1, 0
	for n < len(name) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, starN = p, n
			p++
		case p < len(pattern) && (pattern[p] == name[n] || loose && (pattern[p] == '?' || lower(pattern[p]) == lower(name[n]))):
			p++
			n++
		case star >= 0:
			starN++
			p, n = star+1, starN
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// isWildcard reports whether pattern matches everything: it is made of '*' only.
func isWildcard(pattern string) bool {
	if pattern == "" {
		return false
	}
	for i := 0; i < len(pattern); i++ {
		if pattern[i] != '*' {
			return false
		}
	}
	return true
}

// hasWildcard reports whether pattern contains a '*'.
func hasWildcard(pattern string) bool {
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '*' {
			return true
		}
	}
	return false
}

// covers reports whether outer matches every name inner matches. Matching inner's text literally
// decides it soundly: outer's literal bytes are never '*', so each '*' of inner must fall
// inside a '*' of outer, which can absorb whatever inner's star stands for. It may
// answer false for some patterns that are in fact covered, never true for one that is not.
func covers(outer, inner string) bool { return MatchPattern(outer, inner) }

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
