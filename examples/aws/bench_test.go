package main

import (
	"testing"

	"github.com/permgen/permgen/generated/aws/catalog"
	"github.com/permgen/permgen/generated/aws/ec2"
	"github.com/permgen/permgen/generated/aws/iam"
)

// The figures of docs/benchmarks.md (AWS section): the largest service, ec2.
// Run: cd examples/aws && go test -run '^$' -bench . -benchmem -count 3

var (
	sinkInfo   iam.ActionInfo
	sinkAction ec2.Action
	sinkErr    error
)

func BenchmarkEC2Info(b *testing.B) {
	b.ReportAllocs()
	a := ec2.ActionRunInstances
	for b.Loop() {
		if a.Info().AccessLevel != iam.Write {
			b.Fatal("RunInstances is not Write")
		}
	}
}

func BenchmarkEC2ParseAction(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if a, err := ec2.ParseAction("ec2:RunInstances"); a != ec2.ActionRunInstances || err != nil {
			b.Fatal(a, err)
		}
	}
}

// Every name in turn, so the figure is not one lucky path of the search.
func BenchmarkEC2ParseActionAll(b *testing.B) {
	names := make([]string, 0, len(ec2.Actions()))
	for _, a := range ec2.Actions() {
		names = append(names, a.String())
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if a, err := ec2.ParseAction(names[i]); int(a) != i+1 || err != nil {
			b.Fatal(a, err)
		}
		if i++; i == len(names) {
			i = 0
		}
	}
}

func BenchmarkEC2ParseActionFolded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if a, err := ec2.ParseAction("ec2:runinstances"); a != ec2.ActionRunInstances || err != nil {
			b.Fatal(a, err)
		}
	}
}

func BenchmarkCatalogLookupAction(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if i, ok := catalog.LookupAction("ec2:RunInstances"); !ok || i.AccessLevel != iam.Write {
			b.Fatal(i, ok)
		}
	}
}

func TestZeroAllocs(t *testing.T) {
	for name, f := range map[string]func(){
		"Info":               func() { sinkInfo = ec2.ActionRunInstances.Info() },
		"ParseAction":        func() { sinkAction, sinkErr = ec2.ParseAction("ec2:RunInstances") },
		"ParseAction/folded": func() { sinkAction, sinkErr = ec2.ParseAction("EC2:runinstances") },
		"LookupAction":       func() { sinkInfo, _ = catalog.LookupAction("ec2:RunInstances") },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times", name, n)
		}
	}
}
