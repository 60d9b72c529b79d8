package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// The help of the policy commands. Each command serves both vendors: the policy's
// own keys say which (CAM writes "version": "2.0" and lower-case members, AWS
// "Version": "2012-10-17" and "Statement"), so -h describes both, and the flags
// that concern one vendor only say so. The README's CLI table repeats these lines
// (TestReadmeCLITableMatchesHelp).
const (
	policyUsage = `usage: %[1]s policy lint [flags] [FILE.json|-]
       %[1]s policy eval [flags] -request REQ.json POLICY.json...
       %[1]s policy write [flags] [FILE|-]

A policy is read as Tencent Cloud CAM's ("version": "2.0") or AWS IAM's
("Version": "2012-10-17"), told apart by its keys; policy write takes -vendor aws
for IAM. Run '%[1]s policy <command> -h' for its flags and formats.
`

	policyLintHelp = `Check a Tencent Cloud CAM or AWS IAM policy against the vendor's catalog: unknown
actions (with "did you mean"), resources and condition keys the actions do not take,
wildcards, size quotas. No file or "-" reads stdin.

Catalog: the pages in -in, or the generated tree -in names; when -in holds no page
of the policy's vendor (a module of your own has no permgen sources/), the catalog
compiled into permgen, said on stderr with the date of its pages.

Exit 0 clean, 1 findings, 2 unreadable (the file is missing, is not JSON, or is no
policy of either vendor; with -format json, stdout then holds {"file", "error"}).`

	policyEvalHelp = `Decide a request against the caller's policies as the vendor does: an explicit deny
wins, else an allow that the boundary (and, for AWS, a resource policy) lets through,
else an implicit deny. The vendor is the first policy's.

Request file, Tencent Cloud CAM:
  {"action": "ccc:CreateStaff", "resource": "qcs::ccc::uin/100001:SdkAppId/1400001",
   "context": {"qcs:ip": "10.0.0.1", "qcs:tag": ["env&prod"]},
   "caller": {"uin": "100001", "owner_uin": "100001", "app_id": "1250000000"},
   "policy_owner": {"uin": "100001", "app_id": "1250000000"}, "granularity": "resource"}
  (only action is required)
Request file, AWS IAM:
  {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
   "resource": "arn:aws:s3:::my-bucket/a.png", "context": {"aws:SourceIp": "10.0.0.1",
   "aws:TagKeys": ["a", "b"]}}

Exit 0 allow, 1 deny (explicit or implicit), 2 a policy or request it cannot read.`

	policyWriteHelp = `Print the least-privilege policy for what a program needs, one grant a line (#
starts a comment). No file or "-" reads stdin. Notes (what was widened or added,
and why) go to stderr.

Tencent Cloud CAM (the default): "action [resource]", e.g.
  ccc:CreateStaff qcs::ccc::uin/100001:SdkAppId/1400001
AWS IAM (-vendor aws): "action [arn]", or policy_sentry's CRUD form "level[,level] arn"
with levels read, write, list, tagging, permissions-management, e.g.
  s3:GetObject arn:aws:s3:::my-bucket/*
  read,list arn:aws:dynamodb:us-east-1:111122223333:table/T`
)

// awsOnlyFlags registers, on a CAM command's flag set, the flags only AWS policies
// read, so that -h lists every flag of the command; refuseAWSOnly then refuses them
// for a CAM policy rather than ignoring them.
func awsOnlyFlags(fs *flag.FlagSet, names ...string) {
	for _, n := range names {
		switch n {
		case "kind":
			fs.String("kind", "managed", "AWS only: policy `kind`, for its size quota: managed (6,144), role (10,240), user (2,048) or group (5,120); the "+
				"iampolicy constants ManagedPolicy, RoleInlinePolicy, UserInlinePolicy, GroupInlinePolicy")
		case "resource-policy":
			fs.String("resource-policy", "", "AWS only: resource-based policy `file` of the resource (bucket policy, key policy, trust policy)")
		case "resource-account":
			fs.String("resource-account", "", "AWS only: `account` ID owning the resource, when not the caller's (cross-account)")
		}
	}
}

// refuseAWSOnly reports an AWS-only flag given for a CAM policy.
func refuseAWSOnly(fs *flag.FlagSet, names ...string) error {
	var set []string
	fs.Visit(func(f *flag.Flag) {
		for _, n := range names {
			if f.Name == n {
				set = append(set, "-"+n)
			}
		}
	})
	if len(set) > 0 {
		return fmt.Errorf("%s: for AWS IAM policies only; this is a CAM policy (\"version\": \"2.0\")", strings.Join(set, ", "))
	}
	return nil
}

// notJSON reports input that is no JSON at all with its line and column, naming no
// vendor: it could be a CAM or an AWS policy gone wrong.
func notJSON(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		if len(strings.TrimSpace(string(data))) == 0 {
			return errors.New("empty: want a CAM or AWS IAM policy in JSON")
		}
		return fmt.Errorf("not JSON: %v", err)
	}
	line, col := lineCol(data, se.Offset)
	return fmt.Errorf("line %d column %d: not JSON (%v); want a CAM or AWS IAM policy", line, col, se)
}

// lineCol turns a byte offset (the one past the error, as encoding/json gives it)
// into a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	line, col = 1, 0
	for i := int64(0); i < off && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 0
			continue
		}
		col++
	}
	return line, max(col, 1)
}

// unreadableJSON prints, for -format json, what a tool reading stdout needs when
// the input cannot be read: the file and the error, one object.
func unreadableJSON(w io.Writer, format, name string, err error) {
	if format != "json" {
		return
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(struct {
		File  string `json:"file"`
		Error string `json:"error"`
	}{name, err.Error()})
}

// describePolicyIn words -in as the policy commands read it.
func describePolicyIn(fs *flag.FlagSet) {
	fs.Lookup("in").Usage = "sources `folder` (<vendor>/*.html) or a generated tree; without pages of the policy's vendor, the catalog compiled into permgen"
}
