// Command sdkscan writes sdk/awsperm/sdkmodels.json: for each aws-sdk-go-v2 service
// module that sdk/awsperm's go.mod requires, the service ID, the SigV4 signing name
// the client signs with, and every operation with what the SDK's generated code
// says about it (signed or anonymous; the HTTP method and path of REST protocols).
// It reads the modules' source in the module cache (go mod download first), so the
// file is frozen data: the mkops generator and the tests read it offline.
//
//	go run ./internal/awsops/sdkscan   (from the repository root)
//
// The SDK's source is read, never copied: only names and the facts above are kept.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/awsops"
)

func main() {
	modDir := flag.String("module", "sdk/awsperm", "directory of the module whose SDK service modules are read")
	out := flag.String("o", "sdk/awsperm/sdkmodels.json", "output file")
	flag.Parse()
	if err := run(*modDir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "sdkscan:", err)
		os.Exit(1)
	}
}

type module struct {
	Path    string
	Version string
	Dir     string
}

func run(modDir, out string) error {
	cmd := exec.Command("go", "list", "-m", "-json", "all")
	cmd.Dir = modDir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	data, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list -m all in %s: %w", modDir, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var models awsops.SDKModels
	for dec.More() {
		var m module
		if err := dec.Decode(&m); err != nil {
			return err
		}
		rest, ok := strings.CutPrefix(m.Path, "github.com/aws/aws-sdk-go-v2/service/")
		if !ok || strings.HasPrefix(rest, "internal") {
			continue
		}
		if m.Dir == "" {
			return fmt.Errorf("%s@%s is not in the module cache: run go mod download in %s", m.Path, m.Version, modDir)
		}
		s, err := scan(m)
		if err != nil {
			return err
		}
		models.Services = append(models.Services, s)
	}
	sort.Slice(models.Services, func(i, j int) bool { return models.Services[i].Module < models.Services[j].Module })
	b, err := json.MarshalIndent(models, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}

var (
	serviceIDRe   = regexp.MustCompile(`(?m)^const ServiceID = "([^"]+)"`)
	signingNameRe = regexp.MustCompile(`SetSigV4SigningName\(&props, "([^"]+)"\)`)
	anonOpRe      = regexp.MustCompile(`(?s)"(\w+)": func\(params \*AuthResolverParameters\) \[\]\*smithyauth\.Option \{\s*return \[\]\*smithyauth\.Option\{\s*\{SchemeID: smithyauth\.SchemeIDAnonymous\},\s*\},?\s*\}`)
	serOpRe       = regexp.MustCompile(`(?s)func \(m \*\w+_serializeOp(\w+)\) HandleSerialize.*?SplitURI\("([^"]*)"\).*?request\.Method = "(\w+)"`)
	bindingRe     = regexp.MustCompile(`(?s)func \w+_serializeOpHttpBindings(\w+)Input\(v \*\w+Input, encoder \*httpbinding\.Encoder\) error \{(.*?)\n\}\n`)
	setURIRe      = regexp.MustCompile(`if (?:v\.(\w+) != nil|len\(v\.(\w+)\) > 0) \{\s*if err := encoder\.SetURI\("(\w+)"\)`)
)

func scan(m module) (awsops.SDKService, error) {
	s := awsops.SDKService{Module: m.Path, Version: m.Version}
	client, err := os.ReadFile(filepath.Join(m.Dir, "api_client.go"))
	if err != nil {
		return s, err
	}
	if mm := serviceIDRe.FindSubmatch(client); mm != nil {
		s.ServiceID = string(mm[1])
	} else {
		return s, fmt.Errorf("%s: api_client.go declares no ServiceID", m.Path)
	}
	auth, err := os.ReadFile(filepath.Join(m.Dir, "auth.go"))
	if err != nil {
		return s, err
	}
	if mm := signingNameRe.FindSubmatch(auth); mm != nil {
		s.SigningName = string(mm[1])
	}
	anon := map[string]bool{}
	if i := bytes.Index(auth, []byte("var operationAuthOptions")); i >= 0 {
		for _, mm := range anonOpRe.FindAllSubmatch(auth[i:], -1) {
			anon[string(mm[1])] = true
		}
	}
	ser, _ := os.ReadFile(filepath.Join(m.Dir, "serializers.go"))
	type binding struct{ method, path string }
	rest := map[string]binding{}
	// Each serializer's body is cut at the next type declaration, so that a
	// non-REST operation does not borrow the next REST one's path.
	for _, chunk := range bytes.Split(ser, []byte("\ntype ")) {
		if mm := serOpRe.FindSubmatch(chunk); mm != nil {
			rest[string(mm[1])] = binding{string(mm[3]), string(mm[2])}
		}
	}
	labels := map[string]map[string]string{}
	for _, mm := range bindingRe.FindAllSubmatch(ser, -1) {
		for _, f := range setURIRe.FindAllSubmatch(mm[2], -1) {
			if labels[string(mm[1])] == nil {
				labels[string(mm[1])] = map[string]string{}
			}
			field := string(f[1]) // a pointer field; an enum is tested by its length
			if field == "" {
				field = string(f[2])
			}
			labels[string(mm[1])][string(f[3])] = field
		}
	}
	files, err := filepath.Glob(filepath.Join(m.Dir, "api_op_*.go"))
	if err != nil {
		return s, err
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "api_op_"), ".go")
		op := awsops.SDKOperation{Name: name, Anonymous: anon[name]}
		if b, ok := rest[name]; ok {
			op.Method, op.Path, op.Labels = b.method, b.path, labels[name]
		}
		s.Operations = append(s.Operations, op)
	}
	sort.Slice(s.Operations, func(i, j int) bool { return s.Operations[i].Name < s.Operations[j].Name })
	if len(s.Operations) == 0 {
		return s, fmt.Errorf("%s: no api_op_*.go file", m.Path)
	}
	return s, nil
}
