package iampolicy

import (
	"strings"

	"github.com/permgen/permgen/templates/aws/iam"
)

// globalKeys are the AWS global condition context keys with the value type the
// IAM User Guide gives each (reference_policies_condition-keys.html), for the
// keys no service page defines: the builder and linter type operators by them
// when the catalog does not know the key. Sorted by lower-case name; a name
// ending in "/" is the prefix of a templated key (aws:PrincipalTag/tag-key).
var globalKeys = [...]struct {
	name string
	typ  iam.ConditionType
}{
	{"aws:calledvia", iam.TypeArrayOfString},
	{"aws:calledviafirst", iam.TypeString},
	{"aws:calledvialast", iam.TypeString},
	{"aws:currenttime", iam.TypeDate},
	{"aws:ec2instancesourceprivateipv4", iam.TypeIPAddress},
	{"aws:ec2instancesourcevpc", iam.TypeString},
	{"aws:epochtime", iam.TypeDate},
	{"aws:federatedprovider", iam.TypeString},
	{"aws:isvpcendpointpolicy", iam.TypeBool},
	{"aws:multifactorauthage", iam.TypeNumeric},
	{"aws:multifactorauthpresent", iam.TypeBool},
	{"aws:principalaccount", iam.TypeString},
	{"aws:principalarn", iam.TypeARN},
	{"aws:principalisawsservice", iam.TypeBool},
	{"aws:principalorgid", iam.TypeString},
	{"aws:principalorgpaths", iam.TypeArrayOfString},
	{"aws:principalservicename", iam.TypeString},
	{"aws:principalservicenameslist", iam.TypeArrayOfString},
	{"aws:principaltag/", iam.TypeString},
	{"aws:principaltype", iam.TypeString},
	{"aws:referer", iam.TypeString},
	{"aws:requestedregion", iam.TypeString},
	{"aws:requesttag/", iam.TypeString},
	{"aws:resourceaccount", iam.TypeString},
	{"aws:resourceorgid", iam.TypeString},
	{"aws:resourceorgpaths", iam.TypeArrayOfString},
	{"aws:resourcetag/", iam.TypeString},
	{"aws:securetransport", iam.TypeBool},
	{"aws:sourceaccount", iam.TypeString},
	{"aws:sourcearn", iam.TypeARN},
	{"aws:sourceidentity", iam.TypeString},
	{"aws:sourceip", iam.TypeIPAddress},
	{"aws:sourceorgid", iam.TypeString},
	{"aws:sourceorgpaths", iam.TypeArrayOfString},
	{"aws:sourcevpc", iam.TypeString},
	{"aws:sourcevpce", iam.TypeString},
	{"aws:tagkeys", iam.TypeArrayOfString},
	{"aws:tokenissuetime", iam.TypeDate},
	{"aws:useragent", iam.TypeString},
	{"aws:userid", iam.TypeString},
	{"aws:username", iam.TypeString},
	{"aws:viaawsservice", iam.TypeBool},
	{"aws:vpcsourceip", iam.TypeIPAddress},
}

// globalKeyType returns the documented type of a global key, if it is one.
func globalKeyType(k string) (iam.ConditionType, bool) {
	if len(k) < 4 || !strings.EqualFold(k[:4], "aws:") {
		return iam.UnknownConditionType, false
	}
	for _, g := range globalKeys {
		if strings.HasSuffix(g.name, "/") {
			if len(k) > len(g.name) && strings.EqualFold(k[:len(g.name)], g.name) {
				return g.typ, true
			}
		} else if strings.EqualFold(k, g.name) {
			return g.typ, true
		}
	}
	return iam.UnknownConditionType, false
}
