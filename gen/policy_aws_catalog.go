package main

import (
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendors/aws/awscatalog"
)

// awsCatalog is the AWS catalog the policy commands check against, built by the
// one builder (awscatalog.New) from the model the sources give, so the commands
// need no generated tree.
type awsCatalog struct {
	*awscatalog.Catalog
	// note says, for stderr, that the catalog is not the one -in names (the
	// compiled-in one); empty otherwise.
	note string
}

// loadAWSCatalog reads the sources folder or generated tree -in names, or the
// catalog compiled into the binary (policyServices says when); tests replace it.
var loadAWSCatalog = func(in string) (*awsCatalog, error) {
	services, note, err := policyServices(in, model.FormatAWSSAR)
	if err != nil {
		return nil, err
	}
	c, err := newAWSCatalog(services)
	if c != nil {
		c.note = note
	}
	return c, err
}

func newAWSCatalog(services []*model.Service) (*awsCatalog, error) {
	c, err := awscatalog.New(services)
	if err != nil {
		return nil, err
	}
	return &awsCatalog{Catalog: c}, nil
}
