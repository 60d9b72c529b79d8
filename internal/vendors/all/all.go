// Package all is the one list of vendors: the only place that names them. A new
// vendor is a package below internal/vendors and one line here.
package all

import (
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/aws"
	"github.com/permgen/permgen/internal/vendors/gcp"
	"github.com/permgen/permgen/internal/vendors/stella"
	"github.com/permgen/permgen/internal/vendors/tencentcloud"
)

// Vendors in detection order: the more specific page layout first.
var Vendors = vendor.Registry{
	aws.Vendor{},
	tencentcloud.Vendor{},
	stella.Vendor{},
	gcp.Vendor{},
}
