package work

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100} {
		for _, workers := range []int{0, 1, 3, 64} {
			seen := make([]int32, n)
			EachN(workers, n, func(i int) { atomic.AddInt32(&seen[i], 1) })
			for i, c := range seen {
				if c != 1 {
					t.Fatalf("n=%d workers=%d: index %d called %d times", n, workers, i, c)
				}
			}
		}
	}
}

func TestEachBoundsConcurrency(t *testing.T) {
	var cur, peak int32
	block := make(chan struct{})
	done := make(chan struct{})
	go func() {
		EachN(3, 12, func(int) {
			c := atomic.AddInt32(&cur, 1)
			for {
				p := atomic.LoadInt32(&peak)
				if c <= p || atomic.CompareAndSwapInt32(&peak, p, c) {
					break
				}
			}
			<-block
			atomic.AddInt32(&cur, -1)
		})
		close(done)
	}()
	close(block)
	<-done
	if peak > 3 {
		t.Fatalf("%d jobs ran at once, want at most 3", peak)
	}
}
