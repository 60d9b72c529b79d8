package campolicy

import (
	"reflect"
	"testing"

	"github.com/permgen/permgen/templates/aws/iampolicy"
)

// TestSameNamesAsIAMPolicy: the same concept has the same name in both policy
// runtimes (issue 21), so a program that guards AWS and Tencent calls reads one
// vocabulary. The policy documents differ (a CAM Policy is a value, an IAM one a
// pointer), so what is held equal is the names and the shape of each answer.
func TestSameNamesAsIAMPolicy(t *testing.T) {
	// A closed Effect: an integer type whose valid values are the two constants.
	if reflect.TypeFor[Effect]().Kind() != reflect.TypeFor[iampolicy.Effect]().Kind() ||
		int(EffectAllow) != int(iampolicy.EffectAllow) || int(EffectDeny) != int(iampolicy.EffectDeny) {
		t.Errorf("Effect: campolicy %v (%d, %d), iampolicy %v (%d, %d)",
			reflect.TypeFor[Effect]().Kind(), EffectAllow, EffectDeny,
			reflect.TypeFor[iampolicy.Effect]().Kind(), iampolicy.EffectAllow, iampolicy.EffectDeny)
	}
	if Allowed == ImplicitDeny || Allowed == ExplicitDeny || ImplicitDeny != 0 || iampolicy.ImplicitDeny != 0 {
		t.Error("the zero Outcome must be an implicit deny in both")
	}
	// Decision answers with the same methods, returning the same kinds.
	cam, aws := reflect.TypeFor[*Decision](), reflect.TypeFor[*iampolicy.Decision]()
	for _, m := range []string{"Allowed", "Deciding", "Missing", "Unknowns", "String"} {
		cm, ok1 := cam.MethodByName(m)
		am, ok2 := aws.MethodByName(m)
		if !ok1 || !ok2 {
			t.Errorf("Decision.%s: campolicy %v, iampolicy %v", m, ok1, ok2)
			continue
		}
		if cm.Type.NumOut() != am.Type.NumOut() || cm.Type.Out(0).Kind() != am.Type.Out(0).Kind() {
			t.Errorf("Decision.%s returns %v in campolicy, %v in iampolicy", m, cm.Type, am.Type)
		}
	}
	// Parse, Evaluate(req, identity...), EvaluateAll(req, Policies).
	same := func(name string, c, a any) {
		ct, at := reflect.TypeOf(c), reflect.TypeOf(a)
		if ct.NumIn() != at.NumIn() || ct.IsVariadic() != at.IsVariadic() || ct.In(0).Kind() != at.In(0).Kind() {
			t.Errorf("%s: campolicy %v, iampolicy %v", name, ct, at)
		}
	}
	same("Parse", Parse, iampolicy.Parse)
	same("Evaluate", Evaluate, iampolicy.Evaluate)
	same("EvaluateAll", EvaluateAll, iampolicy.EvaluateAll)
	for _, f := range []string{"Identity", "Boundary"} {
		_, ok1 := reflect.TypeFor[Policies]().FieldByName(f)
		_, ok2 := reflect.TypeFor[iampolicy.Policies]().FieldByName(f)
		if !ok1 || !ok2 {
			t.Errorf("Policies.%s: campolicy %v, iampolicy %v", f, ok1, ok2)
		}
	}
	for _, f := range []string{"Resource", "Parts", "Keys"} {
		_, ok1 := reflect.TypeFor[Unknown]().FieldByName(f)
		_, ok2 := reflect.TypeFor[iampolicy.Unknown]().FieldByName(f)
		if !ok1 || !ok2 {
			t.Errorf("Unknown.%s: campolicy %v, iampolicy %v", f, ok1, ok2)
		}
	}
}
