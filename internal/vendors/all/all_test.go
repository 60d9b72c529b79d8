package all

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/aws"
	"github.com/permgen/permgen/internal/vendors/tencentcloud"
)

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

// TestDialect: gen policy asks the registry whose language a document is in. AWS
// claims its own (capitalized Statement, or its Version dates), Tencent Cloud a
// CAM document (lower-case keys, version "2.0"); anything else is claimed by no
// vendor, and the default dialect (CAM's, DefaultDialect) says what is wrong.
func TestDialect(t *testing.T) {
	for doc, want := range map[string]string{
		`{"Version":"2012-10-17","Statement":[]}`:                        "aws",
		`{"Statement":[{"Effect":"Allow"}]}`:                             "aws",
		`{"Version":"2008-10-17"}`:                                       "aws",
		`{"version":"2.0","statement":[{"effect":"allow","action":[]}]}`: "tencentcloud",
		`{"version":"2.0"}`:                                              "tencentcloud",
		`{"Version":"2.0"}`:                                              "",
		`not json`:                                                       "",
		`["Statement"]`:                                                  "",
	} {
		got := ""
		if v, ok := Vendors.Dialect([]byte(doc)); ok {
			got = v.Name()
		}
		if got != want {
			t.Errorf("Dialect(%s) = %q, want %q", doc, got, want)
		}
	}
}

// TestPolicyDialects: the registry answers which dialect is the default (the
// one whose commands run last, taking what no other claimed), so gen names none.
func TestPolicyDialects(t *testing.T) {
	def, others := Vendors.PolicyDialects()
	if def == nil || def.Name() != "tencentcloud" {
		t.Fatalf("default dialect %v, want tencentcloud", def)
	}
	var names []string
	for _, d := range others {
		names = append(names, d.Name())
	}
	if strings.Join(names, ",") != "aws" {
		t.Errorf("other dialects %v, want [aws]", names)
	}
}

// TestCheckRefusesTwoDefaultDialects: gen policy runs the default dialect last,
// so a registry with two would leave one never asked.
func TestCheckRefusesTwoDefaultDialects(t *testing.T) {
	r := vendor.Registry{tencentcloud.Vendor{}, aws.Vendor{}, tencentcloud.Vendor{}}
	err := r.Check()
	if err == nil || !strings.Contains(err.Error(), `vendor "tencentcloud" is a second default policy dialect`) {
		t.Errorf("Check = %v, want the second default refused", err)
	}
}
