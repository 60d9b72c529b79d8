package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// selectPages returns the indexes of the pages only names (a vendor, or a page's
// path below the sources folder or as given on the command line); every page when
// only is empty. A name that selects nothing is an error, before any request: a
// typo must not make a run that fetches nothing look like success.
func selectPages(dir string, pages []model.Source, only []string) ([]int, error) {
	if len(only) == 0 {
		all := make([]int, len(pages))
		for i := range pages {
			all[i] = i
		}
		return all, nil
	}
	var out []int
	used := map[string]bool{}
	for i, p := range pages {
		for _, o := range only {
			if names(dir, p, o) {
				out = append(out, i)
				used[o] = true
				break
			}
		}
	}
	var unused []string
	for _, o := range only {
		if !used[o] {
			unused = append(unused, o)
		}
	}
	if len(unused) > 0 {
		var vendors []string
		seen := map[string]bool{}
		for _, p := range pages {
			if v := vendorOf(p); !seen[v] {
				seen[v] = true
				vendors = append(vendors, v)
			}
		}
		sort.Strings(vendors)
		return nil, fmt.Errorf("-only %s: no page of %s has that vendor or path (vendors: %s)",
			strings.Join(unused, ", "), dir, strings.Join(vendors, ", "))
	}
	return out, nil
}

func vendorOf(p model.Source) string {
	if p.Vendor != "" {
		return p.Vendor
	}
	v, _, _ := strings.Cut(p.Path, "/")
	return v
}

// names reports whether o names page p: its vendor, its path below dir, or its file
// as the user sees it (dir joined with the path).
func names(dir string, p model.Source, o string) bool {
	o = filepath.ToSlash(filepath.Clean(o))
	return o == vendorOf(p) || o == p.Path || o == filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p.Path)))
}

// unreachable reports whether err means the page's host could not be resolved or
// connected to: no answer of any kind, as opposed to an answer that was an error.
func unreachable(err error) bool {
	var dns *net.DNSError
	var op *net.OpError
	return errors.As(err, &dns) || (errors.As(err, &op) && op.Op == "dial")
}

// hostOf is the host a page is fetched from; "" when its URL has none.
func hostOf(p model.Source) string {
	u, err := url.Parse(p.URL)
	if err != nil {
		return ""
	}
	return u.Host
}

// reach tracks, per host, whether any request got an answer, so that a run with no
// network stops after one failed page per host instead of trying every page.
type reach struct {
	hosts    map[string]bool  // every host of the run's pages
	answered map[string]bool  // a request to it got an answer (even an error status)
	failed   map[string]error // it could not be resolved or connected to
}

func newReach(pages []model.Source, selected []int) *reach {
	r := &reach{hosts: map[string]bool{}, answered: map[string]bool{}, failed: map[string]error{}}
	for _, i := range selected {
		if h := hostOf(pages[i]); h != "" && pages[i].URL != "" {
			r.hosts[h] = true
		}
	}
	return r
}

// note records a page's outcome.
func (r *reach) note(p model.Source, pr PageReport) {
	h := hostOf(p)
	if h == "" {
		return
	}
	if pr.Outcome == Failed && unreachable(pr.Err) {
		if !r.answered[h] {
			r.failed[h] = pr.Err
		}
		return
	}
	if pr.Outcome != Skipped {
		r.answered[h] = true
		delete(r.failed, h)
	}
}

// down returns the error of a host already found unreachable, for its later pages.
func (r *reach) down(p model.Source) error {
	return r.failed[hostOf(p)]
}

// none reports whether every host of the run was tried and none answered: the
// network is down, and the rest of the run would only wait.
func (r *reach) none() error {
	if len(r.hosts) == 0 || len(r.answered) > 0 || len(r.failed) < len(r.hosts) {
		return nil
	}
	var hosts []string
	for h := range r.failed {
		hosts = append(hosts, h)
	}
	sort.Strings(hosts)
	var why []string
	for _, h := range hosts {
		why = append(why, fmt.Sprintf("%s (%v)", h, r.failed[h]))
	}
	return fmt.Errorf("no host could be resolved or connected to: %s; stopped, nothing written", strings.Join(why, "; "))
}
