// Package aws is the vendor of AWS IAM: the Service Authorization Reference page of
// each service, pages sharing a prefix merged into one service, one package per
// prefix plus the packages every AWS tree shares (iam, arn, global, catalog).
package aws

import (
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/aws/awsemit"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
	"github.com/permgen/permgen/internal/vendors/aws/awssar"
	"github.com/permgen/permgen/internal/write"
)

// Vendor is AWS's part in a run.
type Vendor struct{}

var (
	_ vendor.Vendor   = Vendor{}
	_ vendor.Fallback = Vendor{}
)

// Name implements vendor.Vendor; it is also the AWS folder's name in sources/.
func (Vendor) Name() string { return "aws" }

// Summary implements vendor.Vendor.
func (Vendor) Summary() string {
	return "AWS IAM, the Service Authorization Reference page of each service"
}

// sar is the Service Authorization Reference format. Its scraper streams the
// page's tokens: a parsed tree was two thirds of a run.
type sar struct{}

func (sar) Name() string { return model.FormatAWSSAR }

func (sar) Detect(d *vendor.Doc) bool {
	doc, err := d.Tree()
	return err == nil && awssar.Detect(doc)
}

func (sar) Scrape(d *vendor.Doc) (*model.Page, error) { return awssar.ScrapeBytes(d.Source, d.HTML) }

// Formats implements vendor.Vendor.
func (Vendor) Formats() []vendor.Format { return []vendor.Format{sar{}} }

// Fallback implements vendor.Fallback: a retired page's redirect stub in the AWS
// folder is an AWS page with no actions, which the scraper reports.
func (Vendor) Fallback() vendor.Format { return sar{} }

// Resolve implements vendor.Vendor.
func (Vendor) Resolve(p *model.Page, ovs []model.Override) (*model.Service, error) {
	return awsresolve.Entries(p, ovs)
}

// Finish implements vendor.Vendor: pages that share a prefix become one service,
// and the checks across services run.
func (Vendor) Finish(services []*model.Service) ([]*model.Service, error) {
	return awsresolve.Merge(services), nil
}

// Derive implements vendor.Vendor: nothing is derived for AWS.
func (Vendor) Derive(*model.Service) {}

// Entries implements vendor.Vendor.
func (Vendor) Entries() []vendor.EntryKind {
	return []vendor.EntryKind{actions, vendor.ResourceTypes(), conditionKeys}
}

// Layout implements vendor.Vendor.
func (Vendor) Layout(services []*model.Service, importRoot string) (vendor.Layout, error) {
	pkgs, err := awsresolve.Layout(services, importRoot)
	l := vendor.Layout{Packages: pkgs}
	if len(pkgs) > 0 {
		l.Reserved = awsresolve.Reserved
	}
	return l, err
}

// Emit implements vendor.Vendor.
func (Vendor) Emit(p *resolve.Package) ([]write.File, error) { return awsemit.Package(p) }

// EmitTree implements vendor.Vendor.
func (Vendor) EmitTree(l vendor.Layout, _ vendor.Sources) ([]write.File, error) {
	return awsemit.Tree(l.Packages)
}
