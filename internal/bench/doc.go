// Package bench measures permgen at the scale of a whole cloud: the pipeline on the
// 21,000-action synthetic corpus of internal/synth (time and peak memory), a Python
// BeautifulSoup peer parsing the same pages, the compile time of the generated tree,
// and the hot functions of the generated packages. Everything is in its tests:
//
//	go test -run '^$' -bench . -benchmem ./internal/bench   # benchmarks
//	PERMGEN_BENCH=1 go test -run TestReport -v ./internal/bench  # the report
//
// `make bench` runs both (see bench.mk and docs/benchmarks.md). Tests that need the
// full corpus, Python or minutes of compiling skip unless PERMGEN_BENCH=1, so that
// `go test ./...` stays fast.
package bench
