package bench

import (
	"testing"

	"github.com/permgen/permgen/generated/stella"
	"github.com/permgen/permgen/generated/tencentcloud/cam"
	"github.com/permgen/permgen/generated/tencentcloud/campolicy"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
)

// The hot functions of the generated packages, on the real ccc, cam and stella
// packages: what a program pays on every call it checks. Each bench* is both a
// Benchmark and a row of TestReport.

func benchInfo(b *testing.B) {
	b.ReportAllocs()
	a := ccc.ActionCreateStaff
	for b.Loop() {
		if a.Info().Granularity != cam.ResourceLevel {
			b.Fatal("CreateStaff is not resource-level")
		}
	}
}

func benchParseAction(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if a, err := ccc.ParseAction("ccc:CreateStaff"); a != ccc.ActionCreateStaff || err != nil {
			b.Fatal(a, err)
		}
	}
}

// benchParseActionAll parses every name in turn, so that the search does not
// always take the same path.
func benchParseActionAll(b *testing.B) {
	all := ccc.Actions()
	names := make([]string, len(all))
	for i, a := range all {
		names[i] = a.String()
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if a, err := ccc.ParseAction(names[i]); a != all[i] || err != nil {
			b.Fatal(a, err)
		}
		if i++; i == len(names) {
			i = 0
		}
	}
}

func benchParseResource(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cam.ParseResource("qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001"); err != nil {
			b.Fatal(err)
		}
	}
}

func benchAllows(b *testing.B) {
	set, err := stella.ParseScopes("member:admin bot:sendResponses")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if !set.Allows(stella.ScopeMemberDelete) {
			b.Fatal("member:admin does not allow member:delete")
		}
	}
}

// benchEvaluate decides a request that the second statement allows, after a deny
// that does not apply and a wildcard action pattern.
func benchEvaluate(b *testing.B) {
	app := ccc.SdkAppIdResource("100001", "1400001")
	p, err := campolicy.New(
		campolicy.Deny(ccc.ActionDescribeTelCdr),
		campolicy.Allow(ccc.ActionCreateStaff, ccc.ActionDeleteStaff).On(app, ccc.SdkAppIdResource("100001", "1400002")),
	)
	if err != nil {
		b.Fatal(err)
	}
	p.Statement[0].Action = append(p.Statement[0].Action, "ccc:Describe*")
	req := campolicy.Request{Action: ccc.ActionDeleteStaff, Resource: app}
	b.ReportAllocs()
	for b.Loop() {
		if !p.Evaluate(req).Allowed() {
			b.Fatal("denied")
		}
	}
}

func BenchmarkInfo(b *testing.B)           { benchInfo(b) }
func BenchmarkParseAction(b *testing.B)    { benchParseAction(b) }
func BenchmarkParseActionAll(b *testing.B) { benchParseActionAll(b) }
func BenchmarkParseResource(b *testing.B)  { benchParseResource(b) }
func BenchmarkScopeSetAllows(b *testing.B) { benchAllows(b) }
func BenchmarkPolicyEvaluate(b *testing.B) { benchEvaluate(b) }

// TestHotPathsNoAllocs holds the allocation targets in every `go test` run: a
// regression in the emitted code fails here, long before anyone benchmarks.
func TestHotPathsNoAllocs(t *testing.T) {
	set := stella.NewScopeSet(stella.ScopeMemberAdmin)
	var sink bool
	for name, f := range map[string]func(){
		"Action.Info": func() { sink = ccc.ActionCreateStaff.Info().Name == "" },
		// Reading the lists Info returns costs nothing either: they are the tables.
		"Action.Info lists": func() {
			i := ccc.ActionCreateStaff.Info()
			sink = i.Resources.At(0) == "" || !i.ResourceTypes.Contains("ccc/SdkAppId")
		},
		"ParseAction": func() { a, _ := ccc.ParseAction("ccc:UploadIvrAudio"); sink = a == 0 },
		"Allows":      func() { sink = set.Allows(stella.ScopeMemberDelete) },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %v allocations per call, want 0", name, n)
		}
	}
	_ = sink
}
