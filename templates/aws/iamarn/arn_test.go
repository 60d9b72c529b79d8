package iamarn

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, s := range []string{
		"arn:aws:s3:::my-bucket/photos/cat.png",
		"arn:aws:iam::123456789012:role/path/Admin",
		"arn:aws:iam::aws:policy/AdministratorAccess",
		"arn:aws-cn:lambda:cn-north-1:123456789012:function:f:1",
		"arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/pets",
		"arn:aws:s3:::my-bucket/*",
		"arn:aws:ec2:*:*:instance/*",
	} {
		a, err := Parse(s)
		if err != nil {
			t.Errorf("Parse(%q): %v", s, err)
			continue
		}
		if a.String() != s {
			t.Errorf("Parse(%q).String() = %q", s, a.String())
		}
	}
	a := MustParse("arn:aws-cn:lambda:cn-north-1:123456789012:function:f:1")
	if a.Partition != PartitionChina || a.Service != "lambda" || a.Region != "cn-north-1" || a.Account != "123456789012" || a.Resource != "function:f:1" {
		t.Errorf("segments: %+v", a)
	}
}

func TestParseErrors(t *testing.T) {
	for s, want := range map[string]string{
		"":                                 "does not start with \"arn:\"",
		"ARN:aws:s3:::b":                   "does not start with \"arn:\"",
		"arn:aws:s3:b":                     "has 4 of the 6",
		"arn::s3:::b":                      "empty partition",
		"arn:aws::::b":                     "empty service",
		"arn:aws:s3:::":                    "empty resource",
		"arn:aws:s*:::b":                   "wildcard in the service",
		"arn:AWS:s3:::b":                   "partition \"AWS\"",
		"arn:aws:s3:US-EAST-1::b":          "region",
		"arn:aws:iam::12345678901x:role/r": "account",
		"arn:aws:s3:::b\nx":                "control character",
	} {
		_, err := Parse(s)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want error containing %q", s, err, want)
		}
	}
}

func TestTemplateBuild(t *testing.T) {
	obj := Template("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
	if got := obj.Placeholders(); strings.Join(got, ",") != "BucketName,ObjectName" {
		t.Errorf("Placeholders = %v", got)
	}
	a := obj.Build("my-bucket", "photos/cat.png")
	if a.String() != "arn:aws:s3:::my-bucket/photos/cat.png" || a.Err() != nil {
		t.Errorf("Build = %q, %v", a.String(), a.Err())
	}
	if got := a.In(PartitionChina).String(); got != "arn:aws-cn:s3:::my-bucket/photos/cat.png" {
		t.Errorf("In(China) = %q", got)
	}
	// S3 object ARNs have no region or account: setting one is refused.
	if a.WithRegion("us-east-1").Err() == nil || a.WithAccount("123456789012").Err() == nil {
		t.Error("WithRegion/WithAccount on an S3 object ARN accepted")
	}
	// S3's template for multi-Region access point requests writes its region.
	mrap := Template("arn:${Partition}:s3:us-west-2:${Account}:async-request/mrap/${Operation}/${Token}")
	if m := mrap.Build("123456789012", "op", "t"); m.Err() != nil || m.WithRegion("eu-west-1").Err() == nil {
		t.Errorf("a region the template writes out was changed: %v", m.WithRegion("eu-west-1"))
	}
	inst := Template("arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}")
	b := inst.Build("us-east-1", "123456789012", "i-0abc")
	if b.String() != "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc" {
		t.Errorf("Build = %q (%v)", b.String(), b.Err())
	}
	if got := b.WithRegion("eu-west-1").WithAccount("210987654321").In(PartitionGovCloud).String(); got != "arn:aws-us-gov:ec2:eu-west-1:210987654321:instance/i-0abc" {
		t.Errorf("setters: %q", got)
	}
}

// Builders refuse what would make an ARN name something else, and say so.
func TestTemplateBuildRefuses(t *testing.T) {
	obj := Template("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
	inst := Template("arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}")
	for _, c := range []struct {
		a    ARN
		want string
	}{
		{obj.Build("", "k"), "empty BucketName"},
		{obj.Build("b", ""), "empty ObjectName"},
		{obj.Build("b"), "takes 2 values"},
		{inst.Build("us-east-1:x", "1", "i"), "holds a colon"},
		{obj.Build("b", "k\x00"), "control character"},
		{Template("s3:::${B}").Build("b"), "not an ARN template"},
		{obj.Build("b", "k").In(""), "not a partition"},
		{ARN{}, "empty partition"},
	} {
		err := c.a.Err()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Err() = %v, want %q", err, c.want)
		}
		if c.a.String() != "" {
			t.Errorf("String() of an invalid ARN = %q, want \"\"", c.a.String())
		}
		if _, err := c.a.MarshalText(); err == nil {
			t.Errorf("MarshalText of an invalid ARN succeeded")
		}
		if MatchARN("*", c.a) {
			t.Errorf("an invalid ARN matched \"*\"")
		}
	}
}

func TestTemplateMatch(t *testing.T) {
	bucket := Template("arn:${Partition}:s3:::${BucketName}")
	object := Template("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
	fn := Template("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}")
	alias := Template("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}:${Alias}")
	logGroup := Template("arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}")
	secret := Template("arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}")
	logStream := Template("arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}")
	glueTable := Template("arn:${Partition}:glue:${Region}:${Account}:table/${DatabaseName}/${TableName}")
	for _, c := range []struct {
		t    Template
		arn  string
		want bool
	}{
		{bucket, "arn:aws:s3:::b", true},
		{bucket, "arn:aws:s3:::b/k", false},
		{object, "arn:aws:s3:::b/k", true},
		{object, "arn:aws-cn:s3:::b/photos/cat.png", true},
		{object, "arn:aws:s3:::b", false},
		{object, "arn:aws:s3:::b/", false},
		{fn, "arn:aws:lambda:us-east-1:123456789012:function:f", true},
		{fn, "arn:aws:lambda:us-east-1:123456789012:function:f:prod", false},
		{alias, "arn:aws:lambda:us-east-1:123456789012:function:f:prod", true},
		{fn, "arn:aws:lambda:us-east-1::function:f", false},
		{fn, "arn:aws:s3:us-east-1:123456789012:function:f", false},
		// Names with a slash after a type prefix: "log-group:" is text of the
		// resource segment before the last placeholder (issue 20, item 5).
		{logGroup, "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn", true},
		{secret, "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf", true},
		{logGroup, "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:log-stream:s", false},
		{logStream, "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:log-stream:s", true},
		{glueTable, "arn:aws:glue:us-east-1:123456789012:table/db/t", true},
		{glueTable, "arn:aws:glue:us-east-1:123456789012:table/db/t/x", true}, // the last placeholder's may
	} {
		if got := c.t.Match(c.arn); got != c.want {
			t.Errorf("%s.Match(%q) = %v, want %v", c.t, c.arn, got, c.want)
		}
	}
}

// The rules cited from the IAM User Guide, "IAM JSON policy elements: Resource"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
//
//	"You can use wildcard characters (* and ?) within the individual segments of
//	an ARN (the parts separated by colons) to represent: Any combination of
//	characters (*) Any single character (?)"
//	"You can use multiple * or ? characters in each segment. If the * wildcard is
//	the last character of a resource ARN segment, it can expand to match beyond
//	the colon boundaries."
//	"The asterisk (*) character can expand to replace everything within a segment,
//	including characters like a forward slash (/) that may otherwise appear to be
//	a delimiter within a given service namespace."
//	"You can't use a wildcard in the service segment that identifies the AWS
//	product."
func TestMatchWildcards(t *testing.T) {
	for _, c := range []struct {
		pattern, arn string
		want         bool
	}{
		{"*", "arn:aws:s3:::b/k", true},
		{"arn:aws:s3:::b/*", "arn:aws:s3:::b/k", true},
		// '*' replaces everything within a segment, slashes included.
		{"arn:aws:s3:::amzn-s3-demo-bucket/*/test/*", "arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg", true},
		{"arn:aws:s3:::amzn-s3-demo-bucket/*/test/*", "arn:aws:s3:::amzn-s3-demo-bucket//test/object.jpg", true},
		{"arn:aws:s3:::amzn-s3-demo-bucket/*/test/*", "arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg", false},
		{"arn:aws:iam::123456789012:user/accounting/*", "arn:aws:iam::123456789012:user/accounting/bob", true},
		{"arn:aws:iam::123456789012:user/accounting/*", "arn:aws:iam::123456789012:user/sales/bob", false},
		// '?' is exactly one character.
		{"arn:aws:s3:::b?", "arn:aws:s3:::b1", true},
		{"arn:aws:s3:::b?", "arn:aws:s3:::b", false},
		{"arn:aws:s3:::b?", "arn:aws:s3:::b12", false},
		// Wildcards in any segment; several per segment.
		{"arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", true},
		{"arn:aws:ec2:us-*-?:*:instance/i-*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", true},
		{"arn:aws:ec2:eu-*:*:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", false},
		// A '*' inside a segment does not cross its colons ...
		{"arn:aws:ec2:us*1:123456789012:instance/i-1", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", true},
		{"arn:aws:ec2:u*t:123456789012:instance/i-1", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", false},
		// ... but one that ends a segment expands beyond the colon boundaries.
		{"arn:aws:ec2:*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", true},
		{"arn:aws:lambda:us-east-1:123456789012:function:f*", "arn:aws:lambda:us-east-1:123456789012:function:f:prod", true},
		// Case-sensitive.
		{"arn:aws:s3:::B/*", "arn:aws:s3:::b/k", false},
		{"arn:aws:s3:::b", "arn:aws:s3:::b/k", false},
	} {
		if got := Match(c.pattern, c.arn); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pattern, c.arn, got, c.want)
		}
	}
	if _, err := Parse("arn:aws:s*:::b"); err == nil {
		t.Error("a wildcard in the service segment was accepted")
	}
}

func TestJSON(t *testing.T) {
	var v struct{ R ARN }
	if err := json.Unmarshal([]byte(`{"R":"arn:aws:s3:::b/k"}`), &v); err != nil || v.R.Resource != "b/k" {
		t.Fatalf("unmarshal: %v %+v", err, v)
	}
	out, err := json.Marshal(v)
	if err != nil || string(out) != `{"R":"arn:aws:s3:::b/k"}` {
		t.Errorf("marshal: %s %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"R":"arn:aws:s3"}`), &v); err == nil {
		t.Error("bad ARN unmarshalled")
	}
	if !PartitionGovCloud.Known() || Partition("aws-mars").Known() {
		t.Error("Known")
	}
}

func BenchmarkBuild(b *testing.B) {
	obj := Template("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
	for b.Loop() {
		_ = obj.Build("my-bucket", "photos/cat.png")
	}
}

func BenchmarkMatch(b *testing.B) {
	for b.Loop() {
		_ = Match("arn:aws:s3:::amzn-s3-demo-bucket/*/test/*", "arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg")
	}
}
