package awsperm

import "sort"

// routeCall returns the operation table and IAM prefix of a call made by a client
// with that SDK service ID, which signed (or would sign) its request with that
// SigV4 signing name ("" when unknown or unsigned).
//
// The service ID decides first: the table's entries (operations.json's overrides
// with their reasons, the tables of their own for S3 Control and API Gateway v2,
// the IDs whose letters are a prefix) were each checked against a page. A client
// the table does not know by ID is routed by its signing name when that name is an
// IAM prefix of the Service Authorization Reference with an operation table: the
// SDK signs every request for the service that authorizes it, so for nearly every
// service the signing name is the prefix (the exceptions are ID entries). Anything
// else is not routed, and the guard refuses the call.
func routeCall(serviceID, signingName string) (svcRow, bool) {
	if r, ok := route(serviceID); ok {
		return r, true
	}
	return routeBySigningName(signingName)
}

// routeBySigningName routes by a SigV4 signing name alone: only a name that is
// itself a prefix whose own table has operations ("elasticmapreduce", not the
// normalized "ssooauth" of "sso-oauth" nor an SDK service ID that happens to share
// a prefix's letters).
func routeBySigningName(name string) (svcRow, bool) {
	if name == "" {
		return svcRow{}, false
	}
	r, ok := route(name)
	if !ok || r.prefix != name || r.table != name || !hasTable(name) {
		return svcRow{}, false
	}
	return r, true
}

// hasTable reports whether any operation row belongs to the table.
func hasTable(table string) bool {
	i := sort.Search(len(opRows), func(i int) bool { return opRows[i].prefix >= table })
	return i < len(opRows) && opRows[i].prefix == table
}
