package resolve

import "github.com/permgen/permgen/internal/model"

// What the vendors' own resolvers share with the ones still here.

// Item is one named thing of a page whose words the anomaly checks read.
type Item struct {
	Name  string
	Words []string
	Pos   model.Pos
}

// Typos flags a word used once on the page that is one edit from a word the page
// uses at least three times (see typos); what says what the words are of.
func Typos(items []Item, what string) []model.Diagnostic {
	ns := make([]named, len(items))
	for i, it := range items {
		ns[i] = named{it.Name, it.Words, it.Pos}
	}
	return typos(ns, what)
}

// Key is the form in which vocabulary is compared: Text, full-width forms narrowed,
// case folded, spaces removed.
func Key(s string) string { return key(s) }
