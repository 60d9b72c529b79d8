package main

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/awsops"
	"github.com/permgen/permgen/internal/snapshot"
)

const frozen = "testdata/peer-iamlive.tsv.gz"

// readFrozen returns the frozen table's text and the peer's side of it (each
// method's primary action, the table it was routed to), which is all the test
// knows of the peer.
func readFrozen(t *testing.T) (text string, methods map[string][]struct{ Action string }, svcMap map[string]string) {
	t.Helper()
	f, err := os.Open(frozen)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	methods = map[string][]struct{ Action string }{}
	svcMap = map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "method\t") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 6 {
			t.Fatalf("%s: row %q has %d columns, want 6", frozen, line, len(cols))
		}
		methods[cols[0]] = []struct{ Action string }{{Action: cols[3]}}
		if svc, _, _ := strings.Cut(cols[0], "."); cols[1] != "" {
			svcMap[svc] = awsops.TablePrefix(cols[1])
		}
	}
	return string(data), methods, svcMap
}

// TestPeerTableFrozen answers every method of the frozen peer table from the
// current operation table: the text must be the frozen one, so a change that moves
// any method from one class to another (a mapping lost, or a disagreement fixed)
// is seen, and the verdicts are reviewed (go run ./internal/awsops/peercheck).
func TestPeerTableFrozen(t *testing.T) {
	tree := filepath.Join("..", "..", "..", "generated", "aws")
	if _, err := os.Stat(tree); err != nil {
		t.Skipf("no generated AWS tree at %s (go run ./gen generate first): %v", tree, err)
	}
	want, methods, svcMap := readFrozen(t)
	if len(methods) < 11000 {
		t.Fatalf("frozen table holds %d methods, want the peer's 11,593", len(methods))
	}
	services, err := snapshot.LoadTree(tree)
	if err != nil {
		t.Fatal(err)
	}
	ov, err := awsops.LoadOverrides("../../../sdk/awsperm/operations.json")
	if err != nil {
		t.Fatal(err)
	}
	sdk, err := awsops.LoadSDKModels("../../../sdk/awsperm/sdkmodels.json")
	if err != nil {
		t.Fatal(err)
	}
	got := Format(Compare(services, ov, sdk, methods, svcMap, nil))
	if got == want {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	shown := 0
	for i := 0; i < len(gl) && i < len(wl) && shown < 10; i++ {
		if gl[i] != wl[i] {
			t.Errorf("line %d:\n\tfrozen %s\n\tnow    %s", i+1, wl[i], gl[i])
			shown++
		}
	}
	t.Error("the table's answers to the peer's methods moved: review, then go run ./internal/awsops/peercheck")
}

// The classes that say the table is right must not be empty of verdicts, and no
// class may be unreviewed.
func TestPeerClassesReviewed(t *testing.T) {
	text, _, _ := readFrozen(t)
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "#\t") && strings.HasSuffix(line, "\tnot reviewed") {
			t.Errorf("class not reviewed: %s", line)
		}
	}
}

// The frozen resource side covers exactly the methods whose primary action the
// frozen table says agree: sdk/awsperm's TestPeerResources compares the resources
// of those, and the two files come from one run of peercheck.
func TestPeerResourcesFrozen(t *testing.T) {
	text, _, _ := readFrozen(t)
	agree := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) == 6 && cols[5] == "agree" {
			agree[cols[0]] = true
		}
	}
	f, err := os.Open("testdata/peer-iamlive-resources.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	seen := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "method\t") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 || !strings.HasPrefix(cols[4], "{") {
			t.Fatalf("peer-iamlive-resources.tsv.gz line %d: want 5 columns ending in the peer's JSON, got %q", n, line)
		}
		if !agree[cols[0]] {
			t.Errorf("line %d: %s is not a method whose primary action agrees", n, cols[0])
		}
		seen++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if seen != len(agree) {
		t.Errorf("the resource side holds %d methods, the frozen table %d that agree: rerun go run ./internal/awsops/peercheck", seen, len(agree))
	}
}
