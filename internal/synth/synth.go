// Package synth writes a synthetic sources folder of Tencent CAM "APIs supporting
// CAM" pages, as large as a whole cloud's documentation, to measure permgen against:
// hundreds of products, tens of thousands of actions, in the page format of
// sources/tencentcloud/ccc.html and with the variety real pages show (Chinese and
// international-site pages, sections in any order, several patterns per cell,
// placeholder spellings, long descriptions, missing columns).
//
// The corpus depends on the seed alone: the same arguments give the same bytes, so
// that two measurements read the same input.
package synth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Vendor is the vendor folder the pages are written to: the generated packages sit
// where real Tencent ones would, beside the shared cam runtime.
const Vendor = "tencentcloud"

// MaxActions bounds actionsPerProduct: far below the number of distinct names the
// word lists can make, so that drawing unique names always ends quickly.
const MaxActions = 5000

// Generate writes products pages of actionsPerProduct actions each, short names
// syn001, syn002, ..., to dir/tencentcloud/, and dir/manifest.json listing them.
// dir must not exist or be empty, so that no page of an earlier corpus lingers.
func Generate(dir string, seed int64, products, actionsPerProduct int) error {
	if products < 1 || actionsPerProduct < 1 || actionsPerProduct > MaxActions {
		return fmt.Errorf("synth: want at least 1 product and 1 to %d actions per product, got %d and %d", MaxActions, products, actionsPerProduct)
	}
	if err := checkEmpty(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, Vendor), 0o755); err != nil {
		return err
	}
	var m manifest
	for i := range products {
		p := newProduct(seed, i, actionsPerProduct)
		rel := Vendor + "/" + p.short + ".html"
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), p.render(seed), 0o644); err != nil {
			return err
		}
		m.Pages = append(m.Pages, page{
			Path:       rel,
			Vendor:     Vendor,
			Format:     "tencent-cam",
			URL:        p.url(),
			Provenance: fmt.Sprintf("synthetic: internal/synth seed %d, product %d of %d, %d actions", seed, i+1, products, actionsPerProduct),
			APIVersion: fmt.Sprintf("20%02d-%02d-%02d", 17+i%8, 1+i%12, 1+i%28),
		})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "manifest.json"), b.Bytes(), 0o644)
}

// manifest and page mirror the sources folder's manifest.json (internal/source),
// spelled out here so that the generator does not depend on the code it measures.
type manifest struct {
	Pages []page `json:"pages"`
}

type page struct {
	Path       string `json:"path"`
	Vendor     string `json:"vendor"`
	Format     string `json:"format"`
	URL        string `json:"url"`
	Provenance string `json:"provenance"`
	APIVersion string `json:"api_version"`
}

func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("synth: %s is not empty; remove it or choose another folder", dir)
	}
	return nil
}
