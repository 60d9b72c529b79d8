// Command mkbundle writes internal/bundled/catalog.json.gz, the catalog compiled
// into the permgen binary, from a sources folder: its AWS and Tencent CAM services,
// resolved as `gen generate` resolves them. `make generate` runs it.
//
//	go run ./internal/bundled/mkbundle [-in sources] [-aws-pages 2026-06-14] [-o internal/bundled/catalog.json.gz]
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/permgen/permgen/internal/bundled"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/stamp"
	"github.com/permgen/permgen/internal/write"
)

func main() {
	in := flag.String("in", "sources", "sources `folder`")
	date := flag.String("aws-pages", "", "`date` (YYYY-MM-DD) the AWS pages of -in were fetched; said by the CLI when it uses the bundle")
	out := flag.String("o", "internal/bundled/catalog.json.gz", "output `file`")
	flag.Parse()
	if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(*date) {
		fail(fmt.Errorf("-aws-pages %q: want the pages' date, YYYY-MM-DD", *date))
	}
	// The bundle is rebuilt only when something it depends on changed: the sources,
	// this command's executable, the flags, or the written files themselves
	// (stamp.Stamp, as gen generate does it). A no-op make generate was 10 s, most
	// of it this command reading every page again.
	dir := filepath.Dir(*out)
	outputs := []string{*out, filepath.Join(dir, bundled.OverridesFile)}
	inputs, err := stamp.Inputs(*in, "in="+*in, "aws-pages="+*date, "o="+*out)
	if err != nil {
		fail(err)
	}
	if st, err := stamp.Read(dir); err == nil && st.Inputs == inputs {
		if h, err := stamp.Files(outputs...); err == nil && h == st.Tree {
			fmt.Printf("%s: unchanged (nothing it reads or wrote changed since the last run: %s)\n", *out, filepath.Join(dir, stamp.File))
			return
		}
	}
	m, err := pipeline.Load(pipeline.Options{In: *in})
	if err != nil {
		fail(err)
	}
	b := bundled.Bundle{AWSPages: *date}
	aws, cam := 0, 0
	for _, s := range m.Services {
		switch s.Kind {
		case model.FormatAWSSAR:
			aws += len(s.Actions)
		case model.FormatTencentCAM:
			cam += len(s.Actions)
		default:
			continue
		}
		c := *s
		// Where the sources folder was and fetch's validators say nothing about the
		// catalog, and would change the file on every machine.
		c.Source.File, c.Source.ETag, c.Source.LastModified, c.Source.Fetched = "", "", "", ""
		b.Services = append(b.Services, &c)
	}
	data, err := bundled.Encode(b)
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fail(err)
	}
	if err := writeCorrected(*in, filepath.Join(filepath.Dir(*out), bundled.OverridesFile)); err != nil {
		fail(err)
	}
	// Last, so that a failed run leaves no stamp that holds.
	tree, err := stamp.Files(outputs...)
	if err != nil {
		fail(err)
	}
	st := stamp.Stamp{Inputs: inputs, Tree: tree}.Render()
	if err := write.Atomic(filepath.Join(dir, st.Path), st.Data); err != nil {
		fail(err)
	}
	fmt.Printf("%s: %d AWS actions (pages of %s), %d Tencent CAM actions, %d bytes\n", *out, aws, *date, cam, len(data))
}

// writeCorrected writes the pages the sources folder's overrides correct, with
// their hashes, so that gen can tell a user who copied one without them.
func writeCorrected(in, out string) error {
	var ovs []model.Override
	b, err := os.ReadFile(filepath.Join(in, "overrides.json"))
	if err == nil {
		err = json.Unmarshal(b, &ovs)
	} else if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	if err != nil {
		return err
	}
	pages, err := bundled.CorrectedPages(ovs, func(f string) ([]byte, error) { return os.ReadFile(filepath.Join(in, f)) })
	if err != nil {
		return err
	}
	if pages == nil {
		pages = []bundled.CorrectedPage{}
	}
	data, err := json.MarshalIndent(pages, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(data, '\n'), 0o644)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mkbundle:", err)
	os.Exit(1)
}
