package cam

import (
	"encoding"
	"strings"
	"testing"
)

// TestEnumUnknownNameSuggests: unmarshalling a name that is not one of an enum's is an
// error that names the nearest known one, as ParseAction does for actions.
func TestEnumUnknownNameSuggests(t *testing.T) {
	var (
		c Category
		g Granularity
		s Support
	)
	for _, tc := range []struct {
		into encoding.TextUnmarshaler
		in   string
		want string
	}{
		{&c, "writ", `did you mean "write"?`},
		{&c, "Write", `did you mean "write"?`},
		{&g, "resorce", `did you mean "resource"?`},
		{&s, "partially", `cam: unknown Support "partially"`},
		{&s, "suported", `did you mean "supported"?`},
	} {
		err := tc.into.UnmarshalText([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("UnmarshalText(%q) = %v, want an error containing %s", tc.in, err, tc.want)
		}
	}
	if err := g.UnmarshalText([]byte("xyz")); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("a name near nothing: %v, want an error without a suggestion", err)
	}
}
