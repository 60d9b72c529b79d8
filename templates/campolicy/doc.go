// Package campolicy reads, writes, builds, lints and evaluates Tencent Cloud CAM policy
// documents (syntax version "2.0", and "3.0" where CAM accepts it) with the standard
// library only. It is to the catalog types of cam what iampolicy is to iam for AWS, and
// the names agree: Parse, New, Allow and Deny, Evaluate(req, policies...) and
// EvaluateAll(req, Policies), Decision with Deciding, Missing and Unknowns, a closed
// Effect, Lint, LeastPrivilege. camguard puts it in front of a program's calls.
//
// Parse is strict: what CAM's policy analyzer would refuse (a member named twice, an
// element not in lower case or not in the syntax, an effect other than "allow" or
// "deny", a resource that is not six segments, a condition operator CAM does not
// define or a value its operator cannot read) is an error naming the JSON path, never
// a policy that evaluates to something.
//
// The semantics follow Tencent Cloud's CAM documentation: an explicit deny wins, no
// matching allow is an implicit deny, "*" is a wildcard in actions and resources, and
// an operation-level API is authorized only by a statement whose resource is "*".
// Where the pages are silent or disagree, an allow takes the narrow reading and a deny
// the wide one.
//
// Unknown is not absent. A Request can say what its asker could not know
// (Request.Unknown): the whole resource, a part of it left as its placeholder
// ("qcs::ccc::uin/${uin}:SdkAppId/1400001" with Parts ["uin"]), or condition keys. An
// allow applies only if it applies for every value of the unknowns; a deny applies if
// it could apply for some value. Decision.Unknowns names the unknowns that decided,
// and the decision's text says so. The same contract, with the same names, holds for
// AWS in iampolicy.
package campolicy
