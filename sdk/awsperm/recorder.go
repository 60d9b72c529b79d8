package awsperm

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/aws/smithy-go/middleware"
)

// Recorder records every call of every client whose config carries it: the actions
// each needed and the resources its input named. It is safe for concurrent use; a
// call is recorded once however often the SDK retries it.
type Recorder struct {
	s settings

	mu       sync.Mutex
	calls    map[string]*RecordedCall // by callKey
	order    []string                 // callKeys in first-seen order
	unmapped map[string]*UnmappedError
}

// RecordedCall is one distinct call (service, operation and what it needed) and how
// many times it was made.
type RecordedCall struct {
	Call
	Count int
}

// NewRecorder returns an empty recorder.
func NewRecorder(opts ...Option) *Recorder {
	r := &Recorder{calls: map[string]*RecordedCall{}, unmapped: map[string]*UnmappedError{}}
	for _, o := range opts {
		o(&r.s)
	}
	return r
}

// DryRun makes the recorder answer every call locally with the operation's empty
// output: nothing is sent, no credentials are needed, and the program runs on to its
// next call. Outputs are empty, so code that depends on what AWS returns (a
// paginator's next token, an ID to use next) takes its empty path.
func DryRun() Option { return func(s *settings) { s.dryRun = true } }

// APIOption is the middleware for aws.Config.APIOptions or a client's Options.APIOptions.
func (r *Recorder) APIOption() func(*middleware.Stack) error {
	return func(st *middleware.Stack) error { return addTo(st, r) }
}

func (r *Recorder) id() string          { return fmt.Sprintf("permgen/awsperm/recorder/%p", r) }
func (r *Recorder) settings() *settings { return &r.s }
func (r *Recorder) decidesEarly() bool  { return false }

func (r *Recorder) observe(_ context.Context, c Call, unmapped error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch u := unmapped.(type) {
	case *UnmappedError:
		r.unmapped[u.ServiceID+" "+u.Operation] = u
		return nil
	case *SigningError:
		// Recorded as it would be guarded: not as a grant.
		r.unmapped[u.ServiceID+" "+u.Operation] = &UnmappedError{ServiceID: u.ServiceID, Operation: u.Operation, Reason: u.Reason}
		return nil
	}
	k := callKey(c)
	if rc, ok := r.calls[k]; ok {
		rc.Count++
		return nil
	}
	r.calls[k] = &RecordedCall{Call: c, Count: 1}
	r.order = append(r.order, k)
	return nil
}

func callKey(c Call) string {
	var b strings.Builder
	b.WriteString(c.ServiceID + "\x00" + c.Operation)
	for _, q := range c.Requests {
		b.WriteString("\x00" + q.Action + "\x00" + q.Resource + "\x00" + q.Unfilled)
	}
	return b.String()
}

// Calls returns the distinct calls recorded, in the order first seen.
func (r *Recorder) Calls() []RecordedCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]RecordedCall, 0, len(r.order))
	for _, k := range r.order {
		out = append(out, *r.calls[k])
	}
	return out
}

// Unmapped returns the calls that could not be mapped to actions, sorted.
func (r *Recorder) Unmapped() []*UnmappedError {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*UnmappedError, 0, len(r.unmapped))
	for _, u := range r.unmapped {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].ServiceID+" "+out[i].Operation < out[j].ServiceID+" "+out[j].Operation
	})
	return out
}

// Grant is one action on one resource the recorded calls needed.
type Grant struct {
	Action   string
	Resource string // an ARN, or "*"
	// Unfilled says why Resource is "*" although the action takes a resource type.
	Unfilled string
}

// Grants returns every distinct (action, resource) the recorded calls needed,
// sorted by action then resource.
func (r *Recorder) Grants() []Grant {
	r.mu.Lock()
	seen := map[Grant]bool{}
	var out []Grant
	for _, k := range r.order {
		for _, q := range r.calls[k].Requests {
			g := Grant{Action: q.Action, Resource: q.Resource, Unfilled: q.Unfilled}
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	r.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Action != out[j].Action {
			return out[i].Action < out[j].Action
		}
		if out[i].Resource != out[j].Resource {
			return out[i].Resource < out[j].Resource
		}
		return out[i].Unfilled < out[j].Unfilled
	})
	return out
}
