package all

import "testing"

// TestRegistry: a Kind must name one vendor, and a name one package.
func TestRegistry(t *testing.T) {
	if err := Vendors.Check(); err != nil {
		t.Fatal(err)
	}
	for _, v := range Vendors {
		if len(v.Formats()) == 0 || len(v.Entries()) == 0 || v.Summary() == "" {
			t.Errorf("vendor %s: no formats, entry kinds or summary", v.Name())
		}
		for _, k := range v.Entries() {
			if k.Name == "" || k.Plural == "" || k.List == nil || k.Fields == nil {
				t.Errorf("vendor %s: entry kind %q is incomplete", v.Name(), k.Name)
			}
		}
	}
}
