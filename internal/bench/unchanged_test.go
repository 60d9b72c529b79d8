package bench

import (
	"testing"

	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/write"
)

// BenchmarkRegenerateUnchanged is `gen check` on the repository's own tree without
// the process: every source read, scraped, resolved and rendered, then compared
// with generated/, where nothing changes. Profile it with -cpuprofile to see where
// the unchanged regeneration's time goes.
func BenchmarkRegenerateUnchanged(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		res, err := pipeline.RunWith(pipeline.Options{In: "../../sources", ImportRoot: "github.com/permgen/permgen/generated", Out: "../../generated"})
		if err != nil {
			b.Fatal(err)
		}
		plan, err := write.Compare("../../generated", res.Files)
		if err != nil {
			b.Fatal(err)
		}
		if len(plan.Changes) != 0 {
			b.Fatalf("generated/ is stale (%s): regenerate first", plan.Summary())
		}
	}
}
