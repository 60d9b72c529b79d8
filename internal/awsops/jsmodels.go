package awsops

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

// JSService is one service of the AWS API models the JavaScript SDK v2's npm
// package ships (apis/<name>-<version>.min.json): the Smithy models aws-sdk-go-v2
// is generated from, so the service ID is the Go client's ServiceID and the
// signing name the one its SigV4 signer uses.
type JSService struct {
	ServiceID  string
	APIVersion string
	// SigningName is the model's signingName, or its endpointPrefix when it has
	// none (the SigV4 signing name then), empty for a service that signs with a
	// bearer token (CodeCatalyst): no SigV4 signing name exists at run time.
	SigningName      string
	SignatureVersion string // "v4", "s3v4", "bearer" …
	Operations       []SDKOperation
}

// JSTableFile is where the frozen table is kept, relative to the folder of
// operations.json (sdk/awsperm): a data-only module of test data.
const JSTableFile = "testdata/sdkjs/aws-sdk-js-models.tsv.gz"

// jsModel is the part of a .min.json model the table keeps.
type jsModel struct {
	Metadata struct {
		ServiceID        string `json:"serviceId"`
		APIVersion       string `json:"apiVersion"`
		EndpointPrefix   string `json:"endpointPrefix"`
		SigningName      string `json:"signingName"`
		SignatureVersion string `json:"signatureVersion"`
	} `json:"metadata"`
	Operations map[string]struct {
		AuthType string   `json:"authtype"`
		Auth     []string `json:"auth"`
	} `json:"operations"`
}

// ReadJSModels reads every *.min.json of an apis folder (name is used in errors)
// and keeps, for each service ID, the model of the newest API version (the one
// the Go SDK's module is generated from; CloudFront ships seven).
func ReadJSModels(fsys fs.FS, name string) ([]JSService, error) {
	files, err := fs.Glob(fsys, "*.min.json")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.min.json model", name)
	}
	newest := map[string]JSService{}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var m jsModel
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", path.Join(name, f), err)
		}
		md := m.Metadata
		if md.ServiceID == "" || md.APIVersion == "" || len(m.Operations) == 0 {
			return nil, fmt.Errorf("%s: metadata.serviceId, metadata.apiVersion and operations are required", path.Join(name, f))
		}
		s := JSService{ServiceID: md.ServiceID, APIVersion: md.APIVersion, SigningName: md.SigningName, SignatureVersion: md.SignatureVersion}
		if s.SigningName == "" {
			s.SigningName = md.EndpointPrefix
		}
		if s.SignatureVersion == "bearer" {
			s.SigningName = ""
		}
		for op, o := range m.Operations {
			// authtype "none" (older models) and auth [smithy.api#noAuth] (newer):
			// the SDK sends the request unsigned.
			unsigned := o.AuthType == "none" || len(o.Auth) == 1 && o.Auth[0] == "smithy.api#noAuth"
			s.Operations = append(s.Operations, SDKOperation{Name: op, Anonymous: unsigned})
		}
		sort.Slice(s.Operations, func(i, j int) bool { return s.Operations[i].Name < s.Operations[j].Name })
		if old, ok := newest[s.ServiceID]; !ok || old.APIVersion < s.APIVersion {
			newest[s.ServiceID] = s
		}
	}
	out := make([]JSService, 0, len(newest))
	for _, s := range newest {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ServiceID < out[j].ServiceID })
	return out, nil
}

// jsColumns is the table's header row.
var jsColumns = []string{"service_id", "api_version", "signing_name", "signature_version", "operation", "unsigned"}

// WriteJSTable writes the table: two comment lines (where it came from, the
// columns), then one row per operation, tab-separated.
func WriteJSTable(w io.Writer, pkg, date string, services []JSService) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s (npm, released %s): apis/*.min.json, the newest API version of each service ID; written by go run ./internal/awsops/jsmodels (README.md)\n", pkg, date)
	fmt.Fprintf(bw, "# %s\n", strings.Join(jsColumns, "\t"))
	for _, s := range services {
		for _, op := range s.Operations {
			unsigned := ""
			if op.Anonymous {
				unsigned = "unsigned"
			}
			for _, f := range []string{s.ServiceID, s.APIVersion, s.SigningName, s.SignatureVersion, op.Name} {
				if strings.ContainsAny(f, "\t\n") {
					return fmt.Errorf("%s %s: a field holds a tab or a newline: %q", s.ServiceID, op.Name, f)
				}
			}
			fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ServiceID, s.APIVersion, s.SigningName, s.SignatureVersion, op.Name, unsigned)
		}
	}
	return bw.Flush()
}

// LoadJSTable reads a table WriteJSTable wrote (gzipped) as SDK models: one
// service per service ID, Module naming the table and Version the API version.
// A row that does not parse is an error naming the file, the row and the column.
func LoadJSTable(file string) (*SDKModels, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return ParseJSTable(file, zr)
}

// ParseJSTable is LoadJSTable on the table's text; name is used in errors.
func ParseJSTable(name string, r io.Reader) (*SDKModels, error) {
	var m SDKModels
	idx := map[string]int{}
	sc := bufio.NewScanner(r)
	row := 0
	for sc.Scan() {
		row++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(jsColumns) {
			return nil, fmt.Errorf("%s: row %d: %d columns, want %d (%s)", name, row, len(f), len(jsColumns), strings.Join(jsColumns, ", "))
		}
		for _, c := range []int{0, 1, 4} {
			if f[c] == "" {
				return nil, fmt.Errorf("%s: row %d: column %s is empty", name, row, jsColumns[c])
			}
		}
		if f[5] != "" && f[5] != "unsigned" {
			return nil, fmt.Errorf("%s: row %d: column unsigned is %q, want \"unsigned\" or nothing", name, row, f[5])
		}
		i, ok := idx[f[0]]
		if !ok {
			i = len(m.Services)
			idx[f[0]] = i
			m.Services = append(m.Services, SDKService{Module: name, Version: f[1], ServiceID: f[0], SigningName: f[2]})
		}
		s := &m.Services[i]
		if s.Version != f[1] || s.SigningName != f[2] {
			return nil, fmt.Errorf("%s: row %d: service %q has api_version %q and signing_name %q, an earlier row %q and %q", name, row, f[0], f[1], f[2], s.Version, s.SigningName)
		}
		s.Operations = append(s.Operations, SDKOperation{Name: f[4], Anonymous: f[5] != ""})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(m.Services) == 0 {
		return nil, fmt.Errorf("%s: no row", name)
	}
	return &m, nil
}
