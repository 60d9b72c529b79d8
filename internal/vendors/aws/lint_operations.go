package aws

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/permgen/permgen/internal/awsops"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

var _ vendor.Linter = Vendor{}

// LintFlags implements vendor.Linter: gen lint -operations also lists the AWS
// actions and operations the SDK guard (sdk/awsperm) cannot map.
func (Vendor) LintFlags(fs *flag.FlagSet) func(in string, services []*model.Service, stdout, stderr io.Writer) (int, error) {
	operations := fs.Bool("operations", false, "also list the AWS actions and operations the SDK guard (sdk/awsperm) cannot map")
	opsFile := fs.String("operations-file", "", "the SDK guard's operation overrides (default: ../"+defaultOperationsFile+" from -in)")
	return func(in string, services []*model.Service, stdout, stderr io.Writer) (int, error) {
		if !*operations {
			return 0, nil
		}
		if *opsFile == "" {
			*opsFile = defaultOperationsPath(in)
		}
		return lintOperations(services, *opsFile, stdout, stderr)
	}
}

// defaultOperationsFile is where the SDK guard keeps its operation overrides,
// relative to the sources folder's parent (the repository root).
const defaultOperationsFile = "sdk/awsperm/operations.json"

// lintOperations prints what the aws-sdk-go-v2 guard (sdk/awsperm) cannot map: every
// AWS action whose page links no API operation and that no override covers, and
// every override that names an action no page lists. It returns how many are open.
func lintOperations(services []*model.Service, overridesFile string, stdout, stderr io.Writer) (int, error) {
	ov, err := awsops.LoadOverrides(overridesFile)
	if err != nil {
		return 0, err
	}
	ops, diags := awsops.Build(services, ov)
	// What the SDK's service modules say (frozen beside the overrides): service IDs
	// that route nowhere, operations no action maps, each with why.
	sdk, err := awsops.LoadSDKModels(filepath.Join(filepath.Dir(overridesFile), "sdkmodels.json"))
	if err != nil {
		return 0, err
	}
	// The frozen whole-SDK table (the AWS API models of 385 service IDs, test
	// data beside the guard): its services that no module of sdkmodels.json has
	// are reported too, routed as the guard routes at run time.
	if js, err := awsops.LoadJSTable(filepath.Join(filepath.Dir(overridesFile), filepath.FromSlash(awsops.JSTableFile))); err == nil {
		sdk = sdk.WithTestModels(js)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	ov.MarkUnrouted(sdk)
	routes, rdiags := awsops.Routes(services, ov, sdk)
	ops, odiags := awsops.SDKOperations(ops, services, routes, sdk)
	diags = append(append(diags, rdiags...), odiags...)
	open := 0
	for _, d := range diags {
		fmt.Fprintln(stdout, d)
		if d.Fixed == "" {
			open++
		}
	}
	fmt.Fprintf(stderr, "permgen lint: %d API operations mapped to actions; %d actions or overrides the SDK guard cannot map, %d covered by %s\n",
		len(ops), open, len(diags)-open, overridesFile)
	return open, nil
}

func defaultOperationsPath(in string) string {
	return filepath.Join(in, "..", filepath.FromSlash(defaultOperationsFile))
}
