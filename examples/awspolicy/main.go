// Command awspolicy is the acceptance program of package iampolicy: it builds an
// AWS policy from typed actions, ARNs and condition keys, lints a hand-written one
// against the tree-wide catalog, evaluates requests with a permissions boundary,
// and writes a least-privilege policy. examples_test.go runs it and compares what
// it prints with want.txt.
package main

import (
	"encoding/json"
	"fmt"

	"github.com/permgen/permgen/generated/aws/catalog"
	"github.com/permgen/permgen/generated/aws/iam"
	"github.com/permgen/permgen/generated/aws/iampolicy"
	"github.com/permgen/permgen/generated/aws/s3"
)

var cat = iampolicy.CatalogFuncs{
	LookupActionFunc:       catalog.LookupAction,
	ServiceActionsFunc:     catalog.ServiceActions,
	LookupResourceTypeFunc: catalog.LookupResourceType,
}

func main() {
	// Build: typed actions, ARNs from builders, operators picked by the key's type.
	p, err := iampolicy.NewWith(cat,
		iampolicy.Allow(s3.ActionGetObject, s3.ActionGetObjectTagging).
			On(s3.ObjectARN("my-bucket", "uploads/*")).
			If(s3.ConditionKeyExistingObjectTag("team").StringEquals("blue")).
			Sid("ReadTeamUploads"),
		iampolicy.Allow(s3.ActionListBucket).On(s3.BucketARN("my-bucket")).
			If(s3.ConditionKeyPrefix.StringLike("uploads/*")),
		iampolicy.Deny(s3.ActionDeleteObject).OnAll().
			If(iampolicy.Key("aws:MultiFactorAuthPresent").Bool(false).IfExists()),
	)
	if err != nil {
		panic(err)
	}
	b, _ := json.MarshalIndent(p, "", "  ")
	fmt.Println(string(b))

	// Refused at build time, naming the statement and the reason.
	_, err = iampolicy.NewWith(cat,
		iampolicy.Allow(s3.ActionListBucket).On(s3.ObjectARN("my-bucket", "a.txt")),
		iampolicy.Allow(s3.ActionGetObject).On(s3.ObjectARN("", "a.txt")),
		iampolicy.Allow(s3.ActionGetObject).OnAll().If(s3.ConditionKeyPrefix.StringEquals("x")),
	)
	fmt.Println("refused:")
	fmt.Println(err)

	// Lint a hand-written policy.
	doc := []byte(`{"Version":"2012-10-17","Statement":[
  {"Sid":"Read","Effect":"Allow","Action":["s3:GetObjet","s3:GetObject*"],"Resource":"arn:aws:s3:::my-bucket/*"},
  {"Sid":"Read","Effect":"Allow","Action":"iam:PassRole","Resource":"*"},
  {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-bucket/*","Condition":{"ForAllValues:StringLike":{"s3:prefix":"home/*"}}}]}`)
	fmt.Println("lint:")
	for _, f := range iampolicy.Lint(doc, iampolicy.LintOptions{Kind: iampolicy.UserInlinePolicy, Catalog: cat}) {
		fmt.Println(" ", f)
	}

	// Evaluate the built policy, alone and under a permissions boundary.
	boundary, _ := iampolicy.New(iampolicy.Allow(s3.ActionGetObject).OnAll())
	for _, r := range []*iampolicy.Request{
		request(s3.ActionGetObject, s3.ObjectARN("my-bucket", "uploads/cat.png").String(), "s3:ExistingObjectTag/team", "blue"),
		request(s3.ActionGetObject, s3.ObjectARN("my-bucket", "uploads/cat.png").String(), "s3:ExistingObjectTag/team", "red"),
		request(s3.ActionGetObjectTagging, s3.ObjectARN("my-bucket", "uploads/cat.png").String(), "s3:ExistingObjectTag/team", "blue"),
		request(s3.ActionDeleteObject, s3.ObjectARN("my-bucket", "uploads/cat.png").String()),
		request(s3.ActionListBucket, s3.BucketARN("my-bucket").String(), "s3:prefix", "uploads/2026/"),
	} {
		alone := iampolicy.Evaluate(r, p)
		bounded := iampolicy.EvaluateAll(r, iampolicy.Policies{Identity: []*iampolicy.Policy{p}, Boundary: boundary})
		fmt.Printf("%s %s\n  alone:        %s\n  with boundary: %s\n", r.Action, r.Resource, alone.String(), bounded.String())
	}

	// Least privilege from what the program needs, and the shortest wildcards.
	w, err := iampolicy.LeastPrivilege(cat, iampolicy.ManagedPolicy,
		iampolicy.Grant{Action: s3.ActionPutObject, Resource: s3.ObjectARN("my-bucket", "uploads/*").String()},
		iampolicy.Grant{Action: s3.ActionGetObject, Resource: s3.ObjectARN("my-bucket", "uploads/*").String()},
		iampolicy.Grant{Action: s3.ActionListAllMyBuckets},
	)
	if err != nil {
		panic(err)
	}
	b, _ = json.MarshalIndent(w.Policies[0], "", "  ")
	fmt.Println(string(b))
	for _, n := range w.Notes {
		fmt.Println("note:", n)
	}
	pats, warn := iampolicy.Compact(cat, iampolicy.ActionsByLevel(cat, "sqs", iam.Read))
	fmt.Println("sqs read, compacted:", pats)
	fmt.Println("warning:", warn)
}

func request(a iam.Action, resource string, kv ...string) *iampolicy.Request {
	r := &iampolicy.Request{Principal: "arn:aws:iam::111122223333:user/alice", Action: a.String(), Resource: resource}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Context.Set(kv[i], kv[i+1])
	}
	return r
}
