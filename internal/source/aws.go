package source

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// AWSDir is the vendor folder of AWS Service Authorization Reference pages.
const AWSDir = "aws"

// AWSURL is where AWS publishes the page list_<name>.html.
const AWSURL = "https://docs.aws.amazon.com/service-authorization/latest/reference/"

// AWSPage returns what the manifest would say of a page it does not list. AWS's
// pages need no entry: the folder and the file name say it all (format aws-sar, the
// URL is the reference's address of the same file name), so 533 pages do not make
// 533 manifest entries. Any other page is left for format detection.
func AWSPage(p string) model.Source {
	src := model.Source{Path: p}
	dir, name := path.Split(p)
	if dir == AWSDir+"/" && strings.HasPrefix(name, "list_") && strings.HasSuffix(name, ".html") {
		src.Vendor = AWSDir
		src.Format = model.FormatAWSSAR
		src.URL = AWSURL + name
	}
	return src
}

// HasAWSPages reports whether dir has an aws/ folder, whose pages need no manifest.
func HasAWSPages(dir string) bool {
	// Pages, not just the folder: a generated tree has an aws/ folder too
	// (generated/aws, the AWS packages), and it is no sources folder.
	pages, err := filepath.Glob(filepath.Join(dir, AWSDir, "*.html"))
	return err == nil && len(pages) > 0
}
