// Command awssnap stores raw AWS Service Authorization Reference pages (list_*.html,
// as fetched, chrome included) in a sources folder the way gen fetch stores pages:
// the #main-content container only, in a minimal UTF-8 document, so that page
// chrome (scripts, ids, dates) never makes a diff.
//
//	go run ./internal/vendors/aws/awssar/cmd/awssnap -from RAWDIR -to sources/aws
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/permgen/permgen/internal/fetch"
)

func main() {
	from := flag.String("from", "", "folder of raw list_*.html pages")
	to := flag.String("to", "sources/aws", "folder to write the content-only pages to")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*from, "list_*.html"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "awssnap: no list_*.html in %q\n", *from)
		os.Exit(2)
	}
	if err := os.MkdirAll(*to, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "awssnap:", err)
		os.Exit(2)
	}
	var in, out int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "awssnap:", err)
			os.Exit(1)
		}
		page, container, err := fetch.Extract(raw)
		if err != nil {
			fmt.Fprintf(os.Stderr, "awssnap: %s: %v\n", f, err)
			os.Exit(1)
		}
		if container == "" {
			fmt.Fprintf(os.Stderr, "awssnap: %s: no #main-content; kept the whole body\n", f)
		}
		if err := os.WriteFile(filepath.Join(*to, filepath.Base(f)), page, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "awssnap:", err)
			os.Exit(1)
		}
		in += len(raw)
		out += len(page)
	}
	fmt.Printf("awssnap: %d pages, %d bytes as fetched, %d bytes kept\n", len(files), in, out)
}
