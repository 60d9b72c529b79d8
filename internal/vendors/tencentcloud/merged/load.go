package merged

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/tccli"
)

// Files below the vendor folder (sources/tencentcloud) that Load reads.
const (
	APIFile   = "tccli/HEAD.tar.gz"
	DocsIntl  = "camdocs/intlcloud-documents.tar.gz"
	DocsCN    = "camdocs/qcloud-documents.tar.gz"
	AuditIntl = "camdocs/cloudaudit-intlcloud-documents.tar.gz"
	AuditCN   = "camdocs/cloudaudit-qcloud-documents.tar.gz"
)

// Present reports whether dir (sources/tencentcloud) holds the API catalogue, the one
// file without which there is no merged catalog.
func Present(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, APIFile))
	return err == nil
}

// Load reads every source below dir and builds the catalog. Missing doc archives are
// an error: a catalog without them would call documented actions undocumented.
func Load(dir string) (*Catalog, error) {
	in, err := ReadInputs(dir)
	if err != nil {
		return nil, err
	}
	return Build(in), nil
}

// ReadInputs reads every source below dir.
func ReadInputs(dir string) (Inputs, error) {
	api, err := tccli.ReadFile(filepath.Join(dir, APIFile))
	if err != nil {
		return Inputs{}, err
	}
	in := Inputs{API: api, APIName: "tccli/HEAD.tar.gz"}
	var errs []error
	for _, f := range []string{DocsIntl, DocsCN} {
		d, err := camdocs.ReadArchive(filepath.Join(dir, f))
		errs = append(errs, err)
		in.Docs = append(in.Docs, d...)
	}
	for _, f := range []string{AuditIntl, AuditCN} {
		d, err := camdocs.ReadArchive(filepath.Join(dir, f))
		errs = append(errs, err)
		for _, x := range d {
			if x.Lang != "en" {
				in.Audit = append(in.Audit, x)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Inputs{}, err
	}
	return in, nil
}
