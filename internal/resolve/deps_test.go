package resolve

import (
	"os/exec"
	"strings"
	"testing"
)

// TestReadersDoNotLinkResolver: reading the sources folder and fetching pages need the
// model (Override included), not the resolver; data flows one way.
func TestReadersDoNotLinkResolver(t *testing.T) {
	for _, pkg := range []string{"../source", "../fetch"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		if strings.Contains(string(out), "/internal/resolve\n") {
			t.Errorf("%s links internal/resolve", pkg)
		}
	}
}
