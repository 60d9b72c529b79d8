package bundled

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/permgen/permgen/internal/model"
)

// OverridesFile is the list of this repository's corrected pages, written by
// mkbundle beside catalog.json.gz.
const OverridesFile = "overrides.json"

//go:embed overrides.json
var overridesData []byte

// CorrectedPage is one page of this repository's sources that overrides.json
// corrects: its path, the SHA-256 of its bytes, and the corrections.
type CorrectedPage struct {
	File      string           `json:"file"`
	SHA256    string           `json:"sha256"`
	Overrides []model.Override `json:"overrides"`
}

var (
	correctedOnce sync.Once
	corrected     map[string]CorrectedPage // by SHA256
)

// Corrected returns the page of this repository's sources whose bytes are page,
// when overrides.json corrects it. A user who copies one of permgen's snapshots
// into a sources folder of their own copies its bytes, not its corrections: the
// caller says so, rather than generate the uncorrected page in silence.
func Corrected(page []byte) (CorrectedPage, bool) {
	correctedOnce.Do(func() {
		var list []CorrectedPage
		if err := json.Unmarshal(overridesData, &list); err != nil {
			panic(fmt.Sprintf("bundled: %s: %v", OverridesFile, err)) // written by mkbundle, tested
		}
		corrected = map[string]CorrectedPage{}
		for _, c := range list {
			corrected[c.SHA256] = c
		}
	})
	sum := sha256.Sum256(page)
	c, ok := corrected[hex.EncodeToString(sum[:])]
	return c, ok
}

// CorrectedPages groups overrides by page, with each page's hash; read returns a
// page's bytes by its path below the sources folder. Sorted by file, for a
// file that does not change from one run to the next.
func CorrectedPages(overrides []model.Override, read func(file string) ([]byte, error)) ([]CorrectedPage, error) {
	by := map[string][]model.Override{}
	for _, o := range overrides {
		by[o.File] = append(by[o.File], o)
	}
	var out []CorrectedPage
	for file, os := range by {
		b, err := read(file)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		out = append(out, CorrectedPage{File: file, SHA256: hex.EncodeToString(sum[:]), Overrides: os})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, nil
}

// Note is the diagnostic for a copy of c with none of its corrections.
func (c CorrectedPage) Note(pos model.Pos) model.Diagnostic {
	rows := make([]string, 0, len(c.Overrides))
	for _, o := range c.Overrides {
		rows = append(rows, o.Row)
	}
	return model.Diagnostic{Pos: pos, Code: "overrides-not-copied", Msg: fmt.Sprintf(
		"this page is permgen's own snapshot of %s, which permgen corrects with %d override(s) (rows %s); this sources folder's %s has none for it: copy those entries from permgen's sources/%s, or the generated code keeps the page's errors",
		c.File, len(c.Overrides), strings.Join(rows, ", "), "overrides.json", "overrides.json")}
}
