package merged

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLoad is the whole merged catalog: the API catalogue (80 MB of JSON in a
// gzip'd tar), the old CAM pages, the product index and CloudAudit, read and merged.
// Target (issue 22): within 3× of BenchmarkDecodeJSON, encoding/json decoding the same
// api.json files out of the same archive.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(sourcesDir()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeJSON is the baseline: gunzip, untar and json.Unmarshal every
// api.json into an interface value, on one goroutine.
func BenchmarkDecodeJSON(b *testing.B) {
	for b.Loop() {
		f, err := os.Open(filepath.Join(sourcesDir(), APIFile))
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		tr := tar.NewReader(zr)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if !strings.HasSuffix(h.Name, "/api.json") {
				continue
			}
			data, err := io.ReadAll(tr)
			if err != nil {
				b.Fatal(err)
			}
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				b.Fatal(err)
			}
		}
		f.Close()
	}
}
