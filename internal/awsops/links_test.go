package awsops

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/permgen/permgen/internal/model"
)

// Each link shape the pages use, as the pages spell it (issue 20: Glue's 180
// actions linked anchors, S3 Control's shared S3's rows).
func TestLinkOperation(t *testing.T) {
	for _, c := range []struct{ prefix, name, model, url, table, op string }{
		{"glue", "CreateJob", "", "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-job.html#aws-glue-api-jobs-job-CreateJob", "glue", "CreateJob"},
		{"amplifybackend", "CreateBackendAPI", "", "https://docs.aws.amazon.com/amplify-admin-ui/latest/APIReference/backend-appid-api.html#CreateBackendAPI", "amplifybackend", "CreateBackendAPI"},
		{"managedblockchain-query", "GetAssetContract", "", "${APIReferenceDocPage}API_GetAssetContract.html", "managedblockchain-query", "GetAssetContract"},
		{"route53globalresolver", "AssociateHostedZone", "", "https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53globalresolver_AssociateHostedZone", "route53globalresolver", "AssociateHostedZone"},
		{"s3", "PutAccountPublicAccessBlock", "PutPublicAccessBlock", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutPublicAccessBlock.html", S3Control, "PutPublicAccessBlock"},
		{"s3-outposts", "CreateBucket", "CreateBucket", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateBucket.html", S3Control, "CreateBucket"},
		{"s3", "GetObject", "GetObject", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html", "s3", "GetObject"},
		// Not operations: a lower-case anchor, an index page, a verb action's page.
		{"sso-directory", "CreateAlias", "", "https://docs.aws.amazon.com/singlesignon/latest/userguide/iam-auth-access-using-id-policies.html#policyexample", "sso-directory", ""},
		{"apigateway", "GET", "", "https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html", "apigateway", ""},
		{"ec2", "PauseVolumeIO", "", "https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html#ebs-actions-reference", "ec2", ""},
	} {
		table, op := LinkOperation(c.prefix, model.Action{Name: c.name, Operation: c.model, DocURL: c.url})
		if table != c.table || op != c.op {
			t.Errorf("LinkOperation(%s, %s) = %q, %q; want %q, %q", c.prefix, c.url, table, op, c.table, c.op)
		}
	}
}

// S3 Control's operations get a table of their own; where s3 and s3-outposts both
// link one, the s3-outposts action is the conditional for an Outposts resource.
func TestBuildS3Control(t *testing.T) {
	ctl := "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_"
	s3 := &model.Service{Kind: model.FormatAWSSAR, ShortName: "s3", Actions: []model.Action{
		{Name: "CreateAccessPoint", Operation: "CreateAccessPoint", DocURL: ctl + "CreateAccessPoint.html"},
		{Name: "CreateBucket", Operation: "CreateBucket", DocURL: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html"},
		{Name: "PutAccountPublicAccessBlock", Operation: "PutPublicAccessBlock", DocURL: ctl + "PutPublicAccessBlock.html"},
	}}
	outposts := &model.Service{Kind: model.FormatAWSSAR, ShortName: "s3-outposts", Actions: []model.Action{
		{Name: "CreateAccessPoint", Operation: "CreateAccessPoint", DocURL: ctl + "CreateAccessPoint.html"},
		{Name: "CreateBucket", Operation: "CreateBucket", DocURL: ctl + "CreateBucket.html"},
	}}
	ops, _ := Build([]*model.Service{s3, outposts}, nil)
	got := map[string]Operation{}
	for _, o := range ops {
		got[o.Prefix+" "+o.Operation] = o
	}
	if a := got["s3 CreateBucket"].Actions; !cmp.Equal(a, []string{"s3:CreateBucket"}) {
		t.Errorf("s3 CreateBucket = %v", a)
	}
	if a := got["s3control CreateBucket"].Actions; !cmp.Equal(a, []string{"s3-outposts:CreateBucket"}) {
		t.Errorf("s3control CreateBucket = %v", a)
	}
	if a := got["s3control PutPublicAccessBlock"].Actions; !cmp.Equal(a, []string{"s3:PutAccountPublicAccessBlock"}) {
		t.Errorf("s3control PutPublicAccessBlock = %v", a)
	}
	ap := got["s3control CreateAccessPoint"]
	if !cmp.Equal(ap.Actions, []string{"s3:CreateAccessPoint"}) || len(ap.When) != 1 || ap.When[0].Field != OutpostsField ||
		!cmp.Equal(ap.When[0].Actions, []string{"s3-outposts:CreateAccessPoint"}) {
		t.Errorf("s3control CreateAccessPoint = %+v", ap)
	}
	if _, ok := got["s3 PutPublicAccessBlock"]; ok {
		t.Error("S3 Control's PutPublicAccessBlock leaked into S3's table")
	}
}
