package awsperm

import "testing"

func TestRouteCall(t *testing.T) {
	for _, tc := range []struct {
		id, signing   string
		table, prefix string // "" : not routed
	}{
		{"SNS", "sns", "sns", "sns"},
		{"SNS", "", "sns", "sns"},                                    // the ID decides; unsigned is the caller's concern
		{"ApiGatewayV2", "apigateway", "apigatewayv2", "apigateway"}, // the ID's own table, not the signing name's
		{"EMR", "elasticmapreduce", "elasticmapreduce", "elasticmapreduce"},
		{"No Such Service", "elasticmapreduce", "elasticmapreduce", "elasticmapreduce"}, // routed by its signing name
		{"No Such Service", "sso-oauth", "sso-oauth", "sso-oauth"},
		{"No Such Service", "ssooauth", "", ""},       // a prefix's letters are not the prefix
		{"No Such Service", "cloudwatchlogs", "", ""}, // an SDK service ID is not a signing name
		{"No Such Service", "no-such-prefix", "", ""},
		{"No Such Service", "", "", ""},
	} {
		r, ok := routeCall(tc.id, tc.signing)
		if ok != (tc.table != "") || r.table != tc.table || r.prefix != tc.prefix {
			t.Errorf("routeCall(%q, %q) = %+v, %t; want table %q prefix %q", tc.id, tc.signing, r, ok, tc.table, tc.prefix)
		}
	}
}
