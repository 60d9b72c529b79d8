// Package bundled is the catalog compiled into the permgen binary: every AWS and
// Tencent CAM service of this repository's sources, as resolved models. The policy
// commands (gen policy lint/eval/write) check against it when their -in folder
// holds no pages of the vendor, so that the command works in a user's module,
// where this repository's sources/ is not part of any module the user downloads.
//
// catalog.json.gz is written by mkbundle (`make generate` runs it) from the
// sources folder; it is data, not code, so the generator never depends on its own
// output to compile. About 1 MB compressed (docs/install-costs.md).
package bundled

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/permgen/permgen/internal/model"
)

//go:embed catalog.json.gz
var data []byte

// Bundle is the file's content.
type Bundle struct {
	// AWSPages is the date of the AWS Service Authorization Reference snapshot the
	// AWS services were read from, as YYYY-MM-DD.
	AWSPages string `json:"aws_pages"`
	// Services are the resolved models, AWS and Tencent CAM, in sources order.
	Services []*model.Service `json:"services"`
}

var (
	once   sync.Once
	bundle Bundle
	err    error
)

// Date returns the date of the pages of a format's services, as YYYY-MM-DD, or
// "" when the bundle does not record it (only AWS's is).
func (b Bundle) Date(kind string) string {
	if kind == model.FormatAWSSAR {
		return b.AWSPages
	}
	return ""
}

// Load decodes the compiled-in catalog once.
func Load() (Bundle, error) {
	once.Do(func() { bundle, err = Decode(data) })
	return bundle, err
}

// Decode reads a bundle as Encode writes it.
func Decode(b []byte) (Bundle, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return Bundle{}, fmt.Errorf("compiled-in catalog: %w", err)
	}
	var out Bundle
	dec := json.NewDecoder(zr)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		return Bundle{}, fmt.Errorf("compiled-in catalog: %w", err)
	}
	return out, nil
}

// Encode writes b compressed, with the fields Decode needs only.
func Encode(b Bundle) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	enc := json.NewEncoder(zw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Of returns the services of one format (model.FormatAWSSAR, model.FormatTencentCAM).
func (b Bundle) Of(kind string) []*model.Service {
	var out []*model.Service
	for _, s := range b.Services {
		if s.Kind == kind {
			out = append(out, s)
		}
	}
	return out
}
