package awsperm

import (
	"sort"
	"strings"
)

// The generated tables (operations_gen.go) are sorted arrays searched by name: no
// maps, no init work, in the manner of the generated packages.
//
//	svcRows      normalized SDK service ID or IAM prefix → IAM prefix
//	opRows       (prefix, operation) → indexes into actionRows
//	actionRows   "prefix:Action" → resource-type rows and dependent actions
//	rtRows       (prefix, resource type) → ARN template

type svcRow struct{ key, prefix string }

type opRow struct {
	prefix, op string
	actions    []uint16
	when       []whenRow
}

// whenRow: a call whose input sets field needs actions instead of the row's.
type whenRow struct {
	field   string
	actions []uint16
}

type actionRow struct {
	name      string // "s3:GetObject"
	resources []resRef
	dependent []string
}

type resRef struct {
	rt       uint16 // index into rtRows
	required bool
}

type rtRow struct{ prefix, name, pattern string }

// prefixOf returns the IAM prefix of an SDK service ID ("S3" → "s3",
// "CloudWatch Logs" → "logs").
func prefixOf(serviceID string) (string, bool) {
	k := normalizeID(serviceID)
	i := sort.Search(len(svcRows), func(i int) bool { return svcRows[i].key >= k })
	if i < len(svcRows) && svcRows[i].key == k {
		return svcRows[i].prefix, true
	}
	return "", false
}

// operation returns the actions an operation of the service with that prefix needs.
func operation(prefix, op string) (opRow, bool) {
	i := sort.Search(len(opRows), func(i int) bool {
		r := opRows[i]
		return r.prefix > prefix || r.prefix == prefix && r.op >= op
	})
	if i < len(opRows) && opRows[i].prefix == prefix && opRows[i].op == op {
		return opRows[i], true
	}
	return opRow{}, false
}

// normalizeID keeps letters and digits, lower case: internal/awsops.NormalizeServiceID,
// which the generator keyed svcRows with (a test checks they agree).
func normalizeID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
