package iampolicy

import (
	"fmt"
	"testing"
)

// Issue 18: a Decision as Evaluate returns it (a value) prints its explanation.
func TestDecisionValuePrintsItsExplanation(t *testing.T) {
	d := Evaluate(&Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"})
	if got := fmt.Sprint(d); got != d.String() || got == "" || got[0] == '{' {
		t.Errorf("fmt.Sprint(Decision) = %q, want its String() %q", got, d.String())
	}
}
