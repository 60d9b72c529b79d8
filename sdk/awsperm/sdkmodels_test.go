package awsperm

import (
	"encoding/json"

	"fmt"
	"github.com/permgen/permgen/generated/aws/catalog"
	"os"
	"sort"
	"strings"
	"testing"
)

// sdkModels is sdk/awsperm/sdkmodels.json as the tests read it: what the SDK's
// service modules say (internal/awsops/sdkscan froze it from the module cache).
type sdkModels struct {
	Services []struct {
		Module      string `json:"module"`
		Version     string `json:"version"`
		ServiceID   string `json:"service_id"`
		SigningName string `json:"signing_name"`
		Operations  []struct {
			Name      string `json:"name"`
			Anonymous bool   `json:"anonymous"`
		} `json:"operations"`
	} `json:"services"`
}

func loadSDKModels(t *testing.T) sdkModels {
	t.Helper()
	data, err := os.ReadFile("sdkmodels.json")
	if err != nil {
		t.Fatal(err)
	}
	var m sdkModels
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// coverageLine is one service's figure as docs/sdk-coverage.md prints it.
type coverageLine struct {
	id, table     string
	mapped, total int
	unmapped      []string
	noAuth        int // of mapped: passed as unsigned
}

// sdkCoverage walks every operation of every frozen service module through the
// table, as the middleware would look it up.
func sdkCoverage(m sdkModels) (lines []coverageLine, routed int) {
	for _, s := range m.Services {
		l := coverageLine{id: s.ServiceID, total: len(s.Operations)}
		r, ok := route(s.ServiceID)
		if ok {
			routed++
			l.table = r.table
		}
		for _, op := range s.Operations {
			row, found := operation(r.table, op.Name)
			switch {
			case ok && found && row.nact > 0:
				l.mapped++
			case ok && found && row.noAuth != 0:
				l.mapped++
				l.noAuth++
			default:
				l.unmapped = append(l.unmapped, op.Name)
			}
		}
		lines = append(lines, l)
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].id < lines[j].id })
	return lines, routed
}

// TestSDKModelsCoverage is the figure of issue 20 over the service modules this
// module depends on: every service ID routes to a table, and the operations of
// each map (or are listed here by name). Per service ≥ 98 % where the pages allow
// it; the floors pin what was measured, so that a lost mapping is seen. Run with
// -v for the table docs/sdk-coverage.md holds.
func TestSDKModelsCoverage(t *testing.T) {
	m := loadSDKModels(t)
	if len(m.Services) < 25 {
		t.Fatalf("sdkmodels.json holds %d services: rerun go run ./internal/awsops/sdkscan", len(m.Services))
	}
	lines, routed := sdkCoverage(m)
	if routed != len(m.Services) {
		for _, l := range lines {
			if l.table == "" {
				t.Errorf("service ID %q routes to no table", l.id)
			}
		}
	}
	mapped, total := 0, 0
	var b strings.Builder
	fmt.Fprintf(&b, "| service ID | table | mapped / operations | unmapped |\n|---|---|---|---|\n")
	for _, l := range lines {
		mapped += l.mapped
		total += l.total
		fmt.Fprintf(&b, "| %s | %s | %d / %d | %s |\n", l.id, l.table, l.mapped, l.total, strings.Join(l.unmapped, ", "))
	}
	t.Logf("service IDs routed: %d / %d; operations mapped: %d / %d (%.1f %%)\n%s", routed, len(m.Services), mapped, total, 100*float64(mapped)/float64(total), b.String())
	// 2,551 of 2,757 when measured (SDK of 2026-12 against the pages' snapshot):
	// fewer means a mapping was lost.
	if mapped < 2551 {
		t.Errorf("%d of %d operations mapped, was 2551", mapped, total)
	}
	// Why each of the rest is not mapped: the page has no action of its name (the
	// SDK is newer than the pages, or the action has another name no link ties to
	// the operation). A rest operation whose action the page does have is a
	// mapping this table misses.
	for _, l := range lines {
		for _, op := range l.unmapped {
			if _, ok := catalog.LookupAction(prefixOfTable(l.table) + ":" + op); ok {
				t.Errorf("%s %s is not mapped, yet the page lists the action %s:%s", l.id, op, prefixOfTable(l.table), op)
			}
		}
	}
}

// prefixOfTable is the IAM prefix of an operation table.
func prefixOfTable(table string) string {
	for _, r := range svcRows {
		if r.table == table {
			return r.prefix
		}
	}
	return table
}
