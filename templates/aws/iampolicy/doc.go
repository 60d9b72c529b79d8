// Package iampolicy reads, writes, builds, lints and evaluates AWS IAM policy
// documents (policy language version 2012-10-17) with the standard library only.
//
// Decoding is strict: duplicate keys and unknown elements are refused, and every
// error names the JSON path. Encoding is canonical: elements in the order AWS
// documents them, condition operators and keys sorted, one value written as a
// string and several as a list, so two equal policies give the same bytes.
//
// Evaluate follows the IAM User Guide's evaluation logic for identity-based
// policies, an optional permissions boundary and an optional resource-based
// policy: an explicit deny wins, then an allow, else the request is implicitly
// denied. It allocates nothing once the policies are decoded.
package iampolicy
