package iampolicy

import "strings"

// lintGlobalExtra are global condition keys of the IAM User Guide's list
// (reference_policies_condition-keys.html) that globalkeys.go does not type
// yet; the linter only needs to know they exist, so that it does not call a
// real key unknown. aws:SourceOwner is older than the list and still named in
// the SNS and SES developer guides.
var lintGlobalExtra = []string{
	"aws:assumedroot", "aws:calledviaawsmcp", "aws:chatbotsourcearn", "aws:ismcpserviceaction",
	"aws:sourceowner", "aws:sourcevpcarn", "aws:viaawsmcpservice",
	"aws:vpceaccount", "aws:vpceorgid", "aws:vpceorgpaths",
}

func lintGlobalKnown(k string) bool { return contains(lintGlobalExtra, strings.ToLower(k)) }

// globalTemplated reports a global key that takes a tag key after a slash,
// written without one.
func globalTemplated(k string) bool {
	switch strings.ToLower(k) {
	case "aws:resourcetag", "aws:requesttag", "aws:principaltag":
		return true
	}
	return false
}
