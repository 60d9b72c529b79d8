// Package iampolicy reads, writes, builds, lints and evaluates AWS IAM policy
// documents (policy language version 2012-10-17) with the standard library only.
//
// Decoding is strict: duplicate keys, unknown elements, an Effect other than
// "Allow" or "Deny", a Resource that is neither "*" nor an ARN, and condition
// values not of their operator's type (CIDR, ISO 8601 or epoch dates, decimal
// numbers, true/false) are refused, and every error names the JSON path. Encoding
// is canonical: elements in the order AWS documents them, condition operators and
// keys sorted, one value written as a string and several as a list, so two equal
// policies give the same bytes.
//
// Evaluate follows the IAM User Guide's evaluation logic for identity-based
// policies, an optional permissions boundary and an optional resource-based
// policy (a role's trust policy for sts:AssumeRole*, a key policy for KMS keys,
// both required): an explicit deny wins, then an allow, else the request is
// implicitly denied. Each policy is checked against the grammar of its role
// (ValidateAs); a nil or invalid one makes the outcome Refused, never an allow.
// It allocates nothing once the policies are decoded.
//
// Evaluation fails closed. Unknown is not absent: a Request can say that its
// resource, a part of it ("${Account}") or a condition key is unknown
// (Request.Unknown). An Allow applies only if it applies for every value of the
// unknowns; a Deny applies if it could apply for some value; Decision.Unknowns
// names those that mattered. The same rule settles the places where the User
// Guide's pages read two ways (policy variables with no value, empty arrays, ARN
// wildcards that end a segment): an Allow takes the narrow reading, a Deny the
// wide one.
package iampolicy
