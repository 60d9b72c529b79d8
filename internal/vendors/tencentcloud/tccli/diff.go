package tccli

import "sort"

// Diff is what changed between two snapshots of the catalogue, by service:action.
type Diff struct {
	AddedServices, RemovedServices []string
	// Files counts api.json paths added, removed, changed and byte-identical.
	FilesAdded, FilesRemoved, FilesChanged, FilesSame int
	Added, Removed                                    []string // "service:Action", sorted
	// StatusChanges are the actions in both whose status changed, as
	// "service:Action old→new" classes counted in StatusClasses ("online→deprecated").
	StatusChanges []StatusChange
	// EntryStatusClasses counts status changes per service-version entry present in
	// both snapshots: an action deprecated in one of two versions counts once.
	EntryStatusClasses map[string]int
}

// StatusChange is one action whose merged status differs between the snapshots.
type StatusChange struct {
	Action   string // "service:Action"
	From, To string // statuses; "" for none
}

// Class returns "from→to", with "none" for an absent status.
func (s StatusChange) Class() string {
	n := func(x string) string {
		if x == "" {
			return "none"
		}
		return x
	}
	return n(s.From) + "→" + n(s.To)
}

// Compare returns what changed from old to new.
func Compare(old, new *Catalogue) Diff {
	d := Diff{EntryStatusClasses: map[string]int{}}
	for k, st := range new.EntryStatus {
		if o, ok := old.EntryStatus[k]; ok && o != st {
			d.EntryStatusClasses[StatusChange{From: o, To: st}.Class()]++
		}
	}
	for p, sum := range new.Files {
		switch o, ok := old.Files[p]; {
		case !ok:
			d.FilesAdded++
		case o == sum:
			d.FilesSame++
		default:
			d.FilesChanged++
		}
	}
	for p := range old.Files {
		if _, ok := new.Files[p]; !ok {
			d.FilesRemoved++
		}
	}
	for _, s := range new.Services {
		os, ok := old.Service(s.Name)
		if !ok {
			d.AddedServices = append(d.AddedServices, s.Name)
		}
		for _, a := range s.Actions {
			if !ok {
				d.Added = append(d.Added, s.Name+":"+a.Name)
				continue
			}
			oa, found := os.Action(a.Name)
			if !found {
				d.Added = append(d.Added, s.Name+":"+a.Name)
			} else if oa.Status != a.Status {
				d.StatusChanges = append(d.StatusChanges, StatusChange{Action: s.Name + ":" + a.Name, From: oa.Status, To: a.Status})
			}
		}
	}
	for _, s := range old.Services {
		ns, ok := new.Service(s.Name)
		if !ok {
			d.RemovedServices = append(d.RemovedServices, s.Name)
		}
		for _, a := range s.Actions {
			if !ok {
				d.Removed = append(d.Removed, s.Name+":"+a.Name)
			} else if _, found := ns.Action(a.Name); !found {
				d.Removed = append(d.Removed, s.Name+":"+a.Name)
			}
		}
	}
	sort.Strings(d.Added)
	sort.Strings(d.Removed)
	return d
}

// StatusClasses counts the status changes by class.
func (d Diff) StatusClasses() map[string]int {
	m := map[string]int{}
	for _, s := range d.StatusChanges {
		m[s.Class()]++
	}
	return m
}
