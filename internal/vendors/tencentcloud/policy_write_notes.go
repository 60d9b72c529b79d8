package tencentcloud

import (
	"fmt"
	"sort"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// camWriteNotes says which grants campolicy.LeastPrivilege writes on "*", and why, as the
// AWS command's notes do: a widening the user did not ask for is never silent.
func camWriteNotes(grants []campolicy.Grant) []string {
	seen := map[string]bool{}
	var notes []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			notes = append(notes, s)
		}
	}
	onAll := map[string]bool{}
	for _, g := range grants {
		if g.Resource.IsZero() {
			onAll[g.Action.String()] = true
		}
	}
	for _, g := range grants {
		name := g.Action.String()
		info := g.Action.Info()
		switch {
		case g.Resource.IsZero():
			add(fmt.Sprintf("%s is granted on *: its line names no resource", name))
		case info.Granularity == cam.UndocumentedGranularity:
			add(campolicy.UndocumentedWhy(name))
		case info.Granularity == cam.OperationLevel || info.Granularity == cam.ServiceLevel:
			add(fmt.Sprintf("%s is granted on *, not on %s: CAM authorizes it at %s level only (its page's granularity)", name, g.Resource, info.Granularity))
		case onAll[name]:
			add(fmt.Sprintf("%s on %s is covered by its grant on * (another line names no resource)", name, g.Resource))
		}
	}
	sort.Strings(notes)
	return notes
}
