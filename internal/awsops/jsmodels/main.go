// Command jsmodels freezes the AWS API models that the JavaScript SDK v2's npm
// package ships (apis/*.min.json: the same Smithy models aws-sdk-go-v2 is generated
// from) as a small test table: for each service ID, its newest API version, the
// SigV4 signing name, and every operation with whether the SDK sends it unsigned.
// The SDK guard's tests (sdk/awsperm) walk every service and operation of the table
// through the guard's routing, so that the figures over the whole SDK are measured
// offline; `gen lint -operations` lists what it cannot map. The table is test data
// only: nothing generated or shipped reads it.
//
//	make sdk-models      (npm packs the package into a temporary folder, then runs)
//	go run ./internal/awsops/jsmodels -apis DIR/package/apis -version 2.1693.0 -date 2025-12-09 -o FILE
//
// Only names and the facts above are kept; the models' documentation, shapes and
// endpoints are not copied.
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"os"

	"github.com/permgen/permgen/internal/awsops"
)

func main() {
	apis := flag.String("apis", "", "the apis folder of the unpacked aws-sdk npm package")
	version := flag.String("version", "", "the package's version (written into the table's header)")
	date := flag.String("date", "", "the package's release date, YYYY-MM-DD (written into the table's header)")
	out := flag.String("o", "sdk/awsperm/testdata/sdkjs/aws-sdk-js-models.tsv.gz", "output file")
	flag.Parse()
	if *apis == "" || *version == "" || *date == "" {
		fmt.Fprintln(os.Stderr, "jsmodels: -apis, -version and -date are required")
		os.Exit(2)
	}
	if err := run(*apis, *version, *date, *out); err != nil {
		fmt.Fprintln(os.Stderr, "jsmodels:", err)
		os.Exit(1)
	}
}

func run(apis, version, date, out string) error {
	services, err := awsops.ReadJSModels(os.DirFS(apis), apis)
	if err != nil {
		return err
	}
	tmp := out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	// A zero gzip header (no name, no time) keeps the bytes the same run to run.
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	werr := awsops.WriteJSTable(zw, "aws-sdk@"+version, date, services)
	if err := zw.Close(); werr == nil {
		werr = err
	}
	if err := f.Close(); werr == nil {
		werr = err
	}
	if werr != nil {
		os.Remove(tmp)
		return werr
	}
	ops := 0
	for _, s := range services {
		ops += len(s.Operations)
	}
	fmt.Fprintf(os.Stderr, "jsmodels: %d services, %d operations -> %s\n", len(services), ops, out)
	return os.Rename(tmp, out)
}
