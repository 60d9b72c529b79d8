package main

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/vendors/all"
	"github.com/permgen/permgen/templates/cam"
)

// TestPolicyHelpNamesEveryDialect: the policy help is assembled from each
// dialect's PolicyWords, so every dialect of the registry is in it, the
// default first and marked so in write's help.
func TestPolicyHelpNamesEveryDialect(t *testing.T) {
	def, others := all.Vendors.PolicyDialects()
	h := policyHelp()
	for i, d := range append(others[:len(others):len(others)], def) {
		w := d.PolicyWords()
		if !strings.Contains(h.Lint, strings.Fields(w.Language)[0]) || !strings.Contains(h.Eval, "Request file, "+w.Language+":\n"+w.Request) {
			t.Errorf("dialect %s missing from lint or eval help", d.Name())
		}
		how := " (-vendor " + d.Name() + "): "
		if i == len(others) {
			how = " (the default): "
		}
		if !strings.Contains(h.Write, w.Language+how+w.Write) {
			t.Errorf("write help lacks %q", w.Language+how)
		}
		if !strings.Contains(policySummary(), w.Short) || !strings.Contains(policyUsage(), w.Keys) {
			t.Errorf("dialect %s missing from the summary or usage", d.Name())
		}
	}
	if i := strings.Index(h.Write, def.PolicyWords().Language); i < 0 || i > strings.Index(h.Write, others[0].PolicyWords().Language) {
		t.Errorf("the default dialect is not listed first:\n%s", h.Write)
	}
}

// TestFill: a paragraph is broken at spaces into lines of at most width, as
// many words a line as fit.
func TestFill(t *testing.T) {
	if got, want := fill("aa bb  cc\ndd ee", 5), "aa bb\ncc dd\nee"; got != want {
		t.Errorf("fill = %q, want %q", got, want)
	}
	if got := fill("longerthanwidth x", 4); got != "longerthanwidth\nx" {
		t.Errorf("a word longer than the width stands alone: %q", got)
	}
}

// TestNearestNameAsTheRuntimes: catalog -service suggests what the runtimes'
// "did you mean" (cam.NewUnknownActionError) would, without the CLI naming a
// vendor's runtime.
func TestNearestNameAsTheRuntimes(t *testing.T) {
	names := []string{"s3", "s3express", "iam", "ec2", "ccc", "cvm", "sts", "Ec2Ext"}
	for _, want := range []string{"s33", "IAm", ":s3", "cvmm", "ec", "xyzzy", "", "EC2EXT", "ccd", "stz", "é3"} {
		e := cam.NewUnknownActionError("", want, len(names), func(i int) string { return names[i] })
		if got, exp := nearestName(want, names), strings.TrimPrefix(e.Suggestion, ":"); got != exp {
			t.Errorf("nearestName(%q) = %q, the runtimes say %q", want, got, exp)
		}
	}
}
