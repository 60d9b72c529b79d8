package awsperm

import (
	"sort"
	"strings"
)

// The generated tables (operations_gen.go) are sorted arrays searched by name: no
// maps, no init work, in the manner of the generated packages.
//
//	svcRows      normalized SDK service ID or IAM prefix → IAM prefix
//	opRows       (prefix, operation) → indexes into actionRows (via opActions)
//	actionRows   "prefix:Action" → resource-type rows and dependent actions
//	rtRows       (prefix, resource type) → ARN template

// svcRow routes a normalized service ID to its operation table (an IAM prefix, or
// "s3control" / "apigatewayv2", whose names collide with S3's and v1's) and prefix.
type svcRow struct{ key, table, prefix string }

type opRow struct {
	prefix, op string // the table (see svcRow) and the operation
	act        uint32 // actions: opActions[act : act+nact]
	nact       uint8
	when       uint16 // conditional actions: whenRows[when : when+nwhen]
	nwhen      uint8
	rt         uint16 // when not 0, rtRows[rt-1] is the one resource type the call names
	bind       uint16 // placeholders filled from fields: bindRows[bind : bind+nbind]
	nbind      uint8
	noAuth     uint16 // when not 0, noAuthReasons[noAuth-1]: an unsigned call no action authorizes
}

func (r opRow) actions() []uint16 { return opActions[r.act : r.act+uint32(r.nact)] }
func (r opRow) conds() []whenRow  { return whenRows[r.when : r.when+uint16(r.nwhen)] }
func (r opRow) binds() []bindRow  { return bindRows[r.bind : r.bind+uint16(r.nbind)] }

// bindRow fills one ARN template placeholder from one input field (API Gateway's
// path labels: ${RestApiId} ← RestApiId).
type bindRow struct{ placeholder, field string }

// whenRow: a call whose input sets field needs other actions than its row's.
type whenRow struct {
	field string
	act   uint32 // opActions[act : act+nact]
	nact  uint8
}

func (w whenRow) actions() []uint16 { return opActions[w.act : w.act+uint32(w.nact)] }

// Lists live in flat arrays indexed by (start, count) rather than one slice literal
// per row: tens of thousands of small slice literals cost the compiler seconds.
type actionRow struct {
	name string // "s3:GetObject"
	res  uint32 // resource-type rows: actionRes[res : res+nres]
	nres uint8
	dep  uint32 // dependent actions: dependents[dep : dep+ndep]
	ndep uint8
}

func (a actionRow) resources() []resRef { return actionRes[a.res : a.res+uint32(a.nres)] }
func (a actionRow) dependent() []string { return dependents[a.dep : a.dep+uint32(a.ndep)] }

type resRef struct {
	rt       uint16 // index into rtRows
	required bool
}

type rtRow struct{ prefix, name, pattern string }

// prefixOf returns the IAM prefix of an SDK service ID ("S3" → "s3",
// "CloudWatch Logs" → "logs").
func prefixOf(serviceID string) (string, bool) {
	r, ok := route(serviceID)
	return r.prefix, ok
}

// route returns the operation table and IAM prefix of an SDK service ID.
func route(serviceID string) (svcRow, bool) {
	k := normalizeID(serviceID)
	i := sort.Search(len(svcRows), func(i int) bool { return svcRows[i].key >= k })
	if i < len(svcRows) && svcRows[i].key == k {
		return svcRows[i], true
	}
	return svcRow{}, false
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
	// IAM reads action names without case, and a page and the SDK may spell one
	// operation differently (amplify:CreateWebHook, the SDK's CreateWebhook;
	// memorydb:CreateAcl, CreateACL): on a miss, the table's rows of the prefix are
	// compared without case. One match only; two would be a guess.
	lo := sort.Search(len(opRows), func(i int) bool { return opRows[i].prefix >= prefix })
	found := -1
	for j := lo; j < len(opRows) && opRows[j].prefix == prefix; j++ {
		if strings.EqualFold(opRows[j].op, op) {
			if found >= 0 {
				return opRow{}, false
			}
			found = j
		}
	}
	if found >= 0 {
		return opRows[found], true
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
