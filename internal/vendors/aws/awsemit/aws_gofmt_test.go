package awsemit_test

import (
	"bytes"
	"go/format"
	"strconv"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// TestAWSGofmtCanonical: the AWS service, table, catalog and key type files are
// written as text in gofmt's form and only parsed, not formatted; every Go file of
// the fixture tree, and of pages shaped to trip that text (empty tables, blanks at
// either end of a description, a line gofmt would read as a code block or a link
// definition), must be exactly what gofmt makes of it.
func TestAWSGofmtCanonical(t *testing.T) {
	src := func(page string) model.Source {
		return model.Source{Vendor: "aws", Format: model.FormatAWSSAR, Path: "aws/" + page, File: "sources/aws/" + page}
	}
	empty := &model.Service{Kind: model.FormatAWSSAR, Source: src("list_empty.html"), Name: "Empty", ShortName: "empty"}
	odd := &model.Service{Kind: model.FormatAWSSAR, Source: src("list_odd.html"), Name: "Odd service ", ShortName: "odd",
		Actions: []model.Action{
			{Name: "Indented", Description: "   starts with blanks and ends with them   ", AccessLevel: "Read",
				DocURL: "https://docs.aws.amazon.com/x/API_Indented.html ", Operation: "Indented"},
			{Name: "Listy", Description: "- not a list\n  - but maybe this\n\tand a tab", AccessLevel: "Write"},
		},
		ConditionKeys: []model.ConditionKey{
			{Name: "odd:Indented", Description: "  an indented description", Type: "String"},
			{Name: "odd:Link", Description: "[Go]: https://go.dev", Type: "String"},
			{Name: "odd:Trailing", Description: "ends with blanks  ", Type: "Bool"},
			// A templated key's description is a line of its own.
			{Name: "odd:Code/${TagKey}", Description: "  an indented description", Type: "String"},
			{Name: "odd:Link/${TagKey}", Description: "[Go]: https://go.dev", Type: "String"},
		},
	}
	for _, svcs := range [][]*model.Service{awsFixture(), {empty}, {odd}, append(awsFixture(), empty, odd)} {
		files, err := renderAWS(svcs)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if !strings.HasSuffix(f.Path, ".go") {
				continue
			}
			got, err := format.Source(f.Data)
			if err != nil {
				t.Errorf("%s: %v", f.Path, err)
			} else if !bytes.Equal(got, f.Data) {
				t.Errorf("%s is not gofmt-canonical:\n%s", f.Path, lineDiff(f.Data, got))
			}
		}
	}
}

// lineDiff shows the first lines where a and b differ.
func lineDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n  written: " + al[i] + "\n  gofmt:   " + bl[i]
		}
	}
	return "lengths differ"
}
