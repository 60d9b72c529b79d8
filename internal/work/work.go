// Package work runs independent jobs on a bounded pool of goroutines: the one
// worker pool of permgen (pages scraped, packages rendered, files synced).
package work

import (
	"runtime"
	"sync"
)

// Each calls fn(i) for every i in [0, n), on at most GOMAXPROCS goroutines at once,
// and returns when all calls have returned. fn must write only to its own index of
// any shared slice; results are then in input order whatever the schedule was.
func Each(n int, fn func(i int)) { EachN(runtime.GOMAXPROCS(0), n, fn) }

// EachN is Each with at most workers goroutines (at least one).
func EachN(workers, n int, fn func(i int)) {
	workers = max(1, min(workers, n))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
