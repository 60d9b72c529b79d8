package aws

import (
	"encoding/json"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/templates/aws/iampolicy"
)

var _ vendor.PolicyDialect = Vendor{}

// Claims implements vendor.PolicyDialect: an AWS policy document is told from a
// CAM one by its top-level keys: AWS writes "Statement" capitalized, and
// "Version" 2012-10-17 (or 2008-10-17).
func (Vendor) Claims(doc []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(doc, &top) != nil {
		return false
	}
	if _, ok := top["Statement"]; ok {
		return true
	}
	var v string
	_ = json.Unmarshal(top["Version"], &v)
	return v == iampolicy.Version2012 || v == iampolicy.Version2008
}
