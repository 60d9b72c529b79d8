package iampolicy

import (
	"reflect"
	"testing"

	"github.com/permgen/permgen/templates/aws/iam"
)

func TestCompact(t *testing.T) {
	for _, c := range []struct {
		chosen []string
		want   []string
		warn   bool
	}{
		{[]string{"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging"}, []string{"s3:G*"}, true},
		{[]string{"s3:GetObject"}, []string{"s3:GetObject"}, false},
		{[]string{"s3:GetObjectAcl", "s3:PutObject"}, []string{"s3:GetObjectA*", "s3:PutObject"}, true},
		{[]string{"iam:GetUser", "iam:PassRole"}, []string{"iam:*"}, true},
		{[]string{"s3:ListAllMyBuckets", "s3:ListBucket", "ec2:DescribeInstances"}, []string{"ec2:D*", "s3:L*"}, true},
	} {
		var infos []iam.ActionInfo
		for _, n := range c.chosen {
			infos = append(infos, act(n))
		}
		got, warn := Compact(fakeCatalog{}, infos)
		if !reflect.DeepEqual(got, c.want) || (warn != "") != c.warn {
			t.Errorf("Compact(%v) = %v, %q; want %v (warning %v)", c.chosen, got, warn, c.want, c.warn)
		}
		// Whatever it returns names exactly the chosen actions today.
		for _, a := range fakeActions {
			chosen := false
			for _, n := range c.chosen {
				chosen = chosen || n == a.String()
			}
			if anyAction(got, a.String()) != chosen {
				t.Errorf("Compact(%v) = %v: %s covered %v, chosen %v", c.chosen, got, a, !chosen, chosen)
			}
		}
	}
}

func TestBulkSelection(t *testing.T) {
	var names []string
	for _, a := range ActionsByLevel(fakeCatalog{}, "s3", iam.Read) {
		names = append(names, a.String())
	}
	if want := []string{"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging"}; !reflect.DeepEqual(names, want) {
		t.Errorf("ActionsByLevel(s3, Read) = %v", names)
	}
	names = nil
	for _, a := range ActionsMatching(fakeCatalog{}, "s3:put*") {
		names = append(names, a.String())
	}
	if want := []string{"s3:PutObject", "s3:PutObjectTagging"}; !reflect.DeepEqual(names, want) {
		t.Errorf("ActionsMatching(s3:put*) = %v", names)
	}
}

func TestBuildFromBulkSelection(t *testing.T) {
	p, err := NewWith(fakeCatalog{}, Allow(Actions(ActionsByLevel(fakeCatalog{}, "s3", iam.Read))...).OnPattern("arn:aws:s3:::b/*"))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Statement[0].Action; !reflect.DeepEqual(got, []string{"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging"}) {
		t.Errorf("actions %v", got)
	}
}
