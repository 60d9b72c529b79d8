package awsops

import (
	"path"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// S3Control is the table of S3 Control's operations (service/s3control): its
// names collide with S3's (CreateBucket, GetBucketPolicy …) but mean other
// actions (s3-outposts:CreateBucket, s3:PutAccountPublicAccessBlock), so the
// pages' API_control_X.html links fill a table of their own.
const S3Control = "s3control"

// LinkOperation returns the API operation an action's documentation link names and
// the table it is filed under (the IAM prefix, or S3Control). Beyond the
// API_<Op>.html links the model reads, it reads the other shapes the pages use:
//
//	API_control_CreateJob.html                       S3 Control (own table)
//	${APIReferenceDocPage}API_GetAssetContract.html  a page variable before the file
//	API_route53globalresolver_AssociateHostedZone    no .html
//	aws-glue-api-jobs-job.html#aws-glue-api-jobs-job-CreateJob   an anchor ending in the operation
//	backend-appid-api.html#CreateBackendAPI          an anchor that is the operation
func LinkOperation(prefix string, a model.Action) (table, op string) {
	table = prefix
	u := a.DocURL
	if strings.Contains(u, "API_control_") && (prefix == "s3" || prefix == "s3-outposts") {
		table = S3Control
	}
	if a.Operation != "" {
		return table, a.Operation
	}
	base := path.Base(u)
	frag := ""
	if i := strings.IndexByte(base, '#'); i >= 0 {
		base, frag = base[:i], base[i+1:]
	}
	if i := strings.LastIndex(base, "API_"); i >= 0 {
		name := strings.TrimSuffix(base[i+len("API_"):], ".html")
		if j := strings.LastIndexByte(name, '_'); j >= 0 {
			name = name[j+1:]
		}
		if isOperationName(name) && name != "Operations" {
			return table, name
		}
		return table, ""
	}
	if frag != "" {
		last := frag
		if j := strings.LastIndexByte(frag, '-'); j >= 0 {
			last = frag[j+1:]
		}
		if isOperationName(last) {
			return table, last
		}
	}
	return table, ""
}

// isOperationName reports whether s is shaped like an API operation: an upper-case
// letter, then letters and digits, and not all upper case (API Gateway's GET, POST).
func isOperationName(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || strings.ToUpper(s) == s {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// OutpostsField is the pseudo-field of a conditional that holds when the call names
// an S3 on Outposts resource (an s3-outposts ARN in its input, or an OutpostId).
const OutpostsField = "@s3-outposts"

// splitOutposts settles an S3 Control operation that both s3 and s3-outposts link
// (CreateAccessPoint): the s3 action is the call's, the s3-outposts action replaces
// it when the input names an Outposts resource. S3 Control API reference (e.g.
// CreateAccessPoint's Bucket): "For using this parameter with Amazon S3 on Outposts
// with the REST API, you must specify the name and the x-amz-outpost-id as well.
// For using this parameter with S3 on Outposts with the AWS SDK and CLI, you must
// specify the ARN of the bucket accessed in the format
// arn:aws:s3-outposts:<Region>:<account-id>:outpost/<outpost-id>/bucket/<my-bucket-name>."
func splitOutposts(o *Operation) {
	var s3, outposts []string
	for _, a := range o.Actions {
		if strings.HasPrefix(a, "s3-outposts:") {
			outposts = append(outposts, a)
		} else {
			s3 = append(s3, a)
		}
	}
	if len(s3) == 0 || len(outposts) == 0 {
		return
	}
	o.Actions = s3
	o.When = append(o.When, Conditional{Field: OutpostsField, Actions: outposts,
		Reason: "S3 Control API reference: on S3 on Outposts the call names an s3-outposts ARN (or an OutpostId), and the s3-outposts action authorizes it."})
}
