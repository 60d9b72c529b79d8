package iampolicy

// CodeTitle returns what a lint code reports, in a few words (the README's
// table and SARIF rules show it); "" for a code Lint does not use.
func CodeTitle(code string) string {
	for _, c := range codeTitles {
		if c.code == code {
			return c.title
		}
	}
	return ""
}

// Codes returns every lint code, in order.
func Codes() []string {
	out := make([]string, len(codeTitles))
	for i, c := range codeTitles {
		out[i] = c.code
	}
	return out
}

var codeTitles = [...]struct{ code, title string }{
	{CodeSyntax, "not JSON, or not a policy document by the grammar"},
	{CodeMissingElement, "a required element is absent"},
	{CodeElementCombination, "two elements that exclude each other"},
	{CodeElementType, "unknown element, or a value of the wrong JSON type or form"},
	{CodeKindElement, "element the policy's kind does not support"},
	{CodeEmpty, "empty list or object: the element matches nothing"},
	{CodeVersion, "Version missing, old or invalid"},
	{CodeUnknownOperator, "condition operator the grammar does not know"},
	{CodeUnknownService, "action prefix names no service"},
	{CodeUnknownAction, "action names no action of its service"},
	{CodeNoMatch, "action pattern matches no action"},
	{CodeWildcardAction, "wildcard action, with the actions it grants today"},
	{CodeRedundantAction, "action another entry of the list already grants"},
	{CodeServiceWildcard, "wildcard in the service prefix of an action"},
	{CodeInvalidARN, "resource is neither \"*\" nor an ARN"},
	{CodeResourceMismatch, "no action of the statement acts on the resource"},
	{CodeActionNoResource, "an action acts on none of the statement's resources"},
	{CodeResourceStar, "\"*\" (or an ARN as wide) for actions that take resources"},
	{CodeARNPartition, "ARN partition AWS does not have"},
	{CodeARNRegion, "region where the ARN takes none, or not a region"},
	{CodeARNAccount, "account where the ARN takes none, or not 12 digits"},
	{CodeARNService, "ARN service in upper case, or with a wildcard"},
	{CodeRedundantResource, "resource another entry of the list already names"},
	{CodeUnknownKey, "condition key no action of the statement takes"},
	{CodeOperatorType, "operator of another type than the key"},
	{CodeSetOnSingleValued, "ForAllValues/ForAnyValue on a single-valued key"},
	{CodeNoSetOnMulti, "plain operator on a multivalued key"},
	{CodeAnyValueIfExists, "ForAnyValue with IfExists reads ambiguously"},
	{CodeValueType, "condition value not of the operator's type"},
	{CodeValueRedundant, "duplicate, redundant or imprecise condition value"},
	{CodeWildcardNoLike, "* or ? under an operator that does not match patterns"},
	{CodePrivateIP, "private address in aws:SourceIp"},
	{CodeKeyCase, "keys differing only in case in one condition block"},
	{CodeDuplicateSid, "two statements share a Sid"},
	{CodeSidChars, "Sid with characters other than A-Z, a-z, 0-9"},
	{CodeSidEmpty, "Sid that is the empty string"},
	{CodeGlobalKey, "aws: key that is not a global condition key"},
	{CodeServiceKey, "service key its service does not define"},
	{CodePairedKey, "key that is only safe with its pair"},
	{CodeTagKeyUnsupported, "tag key some actions' services do not take"},
	{CodePrincipalValue, "principal value AWS rewrites or refuses"},
	{CodePassRoleStar, "iam:PassRole on every role"},
	{CodeNotActionAllow, "Allow with NotAction"},
	{CodeNotResourceAllow, "Allow with NotResource"},
	{CodeAllowAll, "Allow * on *"},
	{CodeNotPrincipalAllow, "NotPrincipal with Allow"},
	{CodeMFABool, "MFA tested with Bool where a missing key slips through"},
	{CodePublicPrincipal, "Principal \"*\" with no condition that narrows it"},
	{CodeOIDCTrust, "web identity trust without audience and subject"},
	{CodeServiceLinkedRole, "iam:CreateServiceLinkedRole on every role"},
	{CodeRedundant, "statement another statement already covers"},
	{CodeTooLarge, "over the size quota of the policy's kind"},
	{CodePermissionsMgmt, "Allow of Permissions management actions"},
	{CodeCredentialExposure, "Allow of actions that return credentials"},
	{CodePrivilegeEscalation, "actions that let a principal raise its own permissions"},
	{CodeResourcePolicyEscalation, "may write a resource policy granting itself the rest"},
	{CodeSensitiveAccess, "Allow of an action the caller marked sensitive"},
	{CodeVariableSyntax, "policy variable written wrong"},
	{CodeVariablePlace, "variable where AWS does not replace it"},
	{CodeVariableVersion, "variable in a policy whose Version reads it literally"},
	{CodeVariableOperator, "variable under an operator other than String or ARN"},
	{CodeVariableNegatedDeny, "Deny with a negated operator against a variable that may have no value"},
}
