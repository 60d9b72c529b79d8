package main

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/templates/cam"
)

// findService returns the short name of the service -service names. Prefixes are
// matched without regard to case, as IAM reads them ("S3" is s3); a name that is
// no service gets the nearest one, as ParseAction suggests actions.
func findService(services []*model.Service, want, in string) (string, error) {
	var names []string
	for _, s := range services {
		if s.ShortName == want {
			return want, nil
		}
		names = append(names, s.ShortName)
	}
	for _, n := range names {
		if strings.EqualFold(n, want) {
			return n, nil
		}
	}
	e := cam.NewUnknownActionError("", want, len(names), func(i int) string { return names[i] })
	if s := strings.TrimPrefix(e.Suggestion, ":"); s != "" {
		return "", fmt.Errorf("no service %q in %s; did you mean %q?", want, in, s)
	}
	return "", fmt.Errorf("no service %q in %s", want, in)
}
