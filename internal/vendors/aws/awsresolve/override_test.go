package awsresolve

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// TestOverrideAWSRefused: the AWS resolver reads no corrections, so an override of
// an AWS page is an error that says so, not an override "matching nothing".
func TestOverrideAWSRefused(t *testing.T) {
	p := &model.Page{Source: model.Source{File: "sources/aws/list_s3.html", Path: "aws/list_s3.html", Vendor: "aws", Format: model.FormatAWSSAR}}
	_, err := Entries(p, []model.Override{{File: "aws/list_s3.html", Row: "GetObject", Field: "access_level", From: "Read", To: "Write", Reason: "test"}})
	if err == nil || !strings.Contains(err.Error(), "refused, pages of format aws-sar take no overrides: the AWS resolver reads no corrections") {
		t.Fatalf("err = %v, want a refusal that says AWS pages take no overrides", err)
	}
}
