// Command cmd writes the synthetic corpus of internal/synth:
//
//	go run ./internal/synth/cmd -out DIR -seed 1
//
// DIR must not exist or be empty. The defaults make an AWS-sized corpus: 300
// products of 70 actions, 21,000 actions in all.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/permgen/permgen/internal/synth"
)

func main() {
	out := flag.String("out", "", "folder to write the sources to (must not exist or be empty)")
	seed := flag.Int64("seed", 1, "seed; the same seed gives the same bytes")
	products := flag.Int("products", 300, "number of product pages")
	actions := flag.Int("actions", 70, "actions per product")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/synth/cmd -out DIR [-seed N] [-products N] [-actions N]")
		os.Exit(2)
	}
	if err := synth.Generate(*out, *seed, *products, *actions); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d pages, %d actions, to %s\n", *products, *products**actions, *out)
}
