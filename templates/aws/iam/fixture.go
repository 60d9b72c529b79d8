package iam

// The key tables below stand in for the ones the generator writes into
// generated/aws/iam/keytypes.go from every page of the tree; the emitter does not
// copy this file. Sorted by lower-case name, as the generated tables are.

var conditionKeyTable = [...]conditionKeyEntry{
	{"aws:currenttime", TypeDate},
	{"aws:multifactorauthpresent", TypeBool},
	{"aws:sourceip", TypeIPAddress},
	{"aws:tagkeys", TypeArrayOfString},
	{"s3:authtype", TypeString},
	{"s3:max-keys", TypeNumeric},
}

var conditionKeyTemplates = [...]conditionKeyEntry{
	{"aws:requesttag/", TypeString},
	{"aws:resourcetag/", TypeString},
	{"s3:existingobjecttag/", TypeString},
}
