package bench

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/permgen/permgen/internal/synth"
)

// Environment variables the benchmarks read.
const (
	// envReport set to 1 runs TestReport, which needs Python, bs4 and minutes.
	envReport = "PERMGEN_BENCH"
	// envCorpus names a corpus made by `make corpus`; without it one is generated.
	envCorpus = "PERMGEN_BENCH_CORPUS"
	// envPython is the interpreter with bs4; Debian's by default, not a pyenv shim.
	envPython = "PERMGEN_BENCH_PYTHON"
	// envChild makes TestPipelineChild run the pipeline once on the corpus it names.
	envChild = "PERMGEN_BENCH_CHILD"
)

// The corpus the targets are stated for: 300 products of 70 actions.
const (
	seed     = 1
	products = 300
	actions  = 70
)

// importRoot is the import path the corpus is generated for: another module's.
const importRoot = "example.com/synth"

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error
	tempRoot   string // removed by TestMain
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tempRoot != "" {
		os.RemoveAll(tempRoot)
	}
	os.Exit(code)
}

// corpus returns the sources folder to measure: $PERMGEN_BENCH_CORPUS, or the
// standard corpus generated once per test binary.
func corpus(tb testing.TB) string {
	tb.Helper()
	corpusOnce.Do(func() {
		if d := os.Getenv(envCorpus); d != "" {
			corpusDir = d
			return
		}
		if tempRoot, corpusErr = os.MkdirTemp("", "permgen-bench-"); corpusErr != nil {
			return
		}
		corpusDir = filepath.Join(tempRoot, "sources")
		corpusErr = synth.Generate(corpusDir, seed, products, actions)
	})
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return corpusDir
}
