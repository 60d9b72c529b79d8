package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/permgen/permgen/internal/bundled"
	"github.com/permgen/permgen/internal/pipeline"

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

// catalogServices reads the sources folder; when it is the default and does not
// exist (a module of your own, with no permgen sources/), the catalog compiled into
// permgen, said on stderr. Any other folder is read as it is, errors and all.
func catalogServices(in string, stderr io.Writer) (*pipeline.Model, error) {
	if _, err := os.Stat(in); in == defaultIn && errors.Is(err, fs.ErrNotExist) {
		b, err := bundled.Load()
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(stderr, "permgen catalog: no sources folder %s; printing the AWS and Tencent CAM catalog compiled into permgen (AWS pages of %s)\n", in, b.AWSPages)
		return &pipeline.Model{Services: b.Services}, nil
	}
	return pipeline.Load(pipeline.Options{In: in})
}
