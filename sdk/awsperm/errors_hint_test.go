package awsperm

import (
	"strings"
	"testing"
)

// Issue 18 item 7: the hint of an unmapped call is for the program's author, who
// cannot edit this module's table.
func TestUnmappedErrorHintFitsTheUser(t *testing.T) {
	msg := (&UnmappedError{ServiceID: "Foo", Operation: "Bar", Reason: "no such service"}).Error()
	if strings.Contains(msg, "add it to") || !strings.Contains(msg, "report the service ID and operation to permgen") {
		t.Errorf("UnmappedError says %q", msg)
	}
}
