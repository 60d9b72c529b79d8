package awssar_test

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
	"github.com/permgen/permgen/internal/vendors/aws/awssar"
)

// FuzzScrapeBytes: any bytes either scrape, resolve and merge, or give an error;
// never a panic. Seeds are the test pages and their broken variants.
func FuzzScrapeBytes(f *testing.F) {
	for _, s := range []string{
		page("demo", demoTables),
		page("demo", strings.Replace(demoTables, "</table>", "", 1)),
		page("demo", strings.ReplaceAll(demoTables, "</td>", "")),
		page("demo", strings.ReplaceAll(demoTables, `rowspan="3"`, `rowspan="999"`)),
		page("demo", "<table><tr><td>x</td></tr><table><tr><th>Actions</th></tr></table></table>"),
		`<div id="main-content"><div id="main-content"></div></div><h1>Actions, resources, and condition keys for X</h1>`,
		"</td></tr></table><td rowspan=-1>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := awssar.ScrapeBytes(model.Source{File: "f.html", Format: model.FormatAWSSAR}, b)
		if err != nil {
			return
		}
		s, err := awsresolve.Entries(p, nil)
		if err != nil {
			return
		}
		awsresolve.Merge([]*model.Service{s})
	})
}
