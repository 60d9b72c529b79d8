package scopetable

import "strings"

// IsScope reports whether s is a scope name as this format defines it:
//
//	scope     = namespace ":" verb
//	namespace = part
//	verb      = part
//	part      = letter { letter | digit | "_" | "." | "-" }
//
// with letters and digits ASCII only and exactly one colon. The grammar is narrower
// than what a vendor could write on purpose: it is how the scraper recognizes a scope
// column among other tables, so it must reject the six-segment CAM resources
// (qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}), URLs, times ("10:30") and prose with a
// colon. Case is kept: member:ToggleLiveChat is a valid, distinct name.
func IsScope(s string) bool {
	ns, verb, ok := strings.Cut(s, ":")
	return ok && isPart(ns) && isPart(verb)
}

func isPart(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '_' && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
