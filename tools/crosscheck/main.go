// Command crosscheck generates (policy, request) cases from the AWS catalog, and
// compares iampolicy's decisions with those of a second engine
// (@cloud-copilot/iam-simulate, run by peer.cjs). `make crosscheck` wires it:
//
//	go run ./tools/crosscheck gen -n 10000 -catalog FILE > cases.jsonl
//	node tools/crosscheck/peer.cjs cases.jsonl > peer.jsonl
//	go run ./tools/crosscheck compare -cases cases.jsonl -peer peer.jsonl [-freeze N -out FILE]
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: crosscheck gen|compare [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = runGen(os.Args[2:], os.Stdout)
	case "compare":
		err = runCompare(os.Args[2:], os.Stdout)
	default:
		err = fmt.Errorf("unknown subcommand %q; want gen or compare", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "crosscheck:", err)
		os.Exit(1)
	}
}
