package emit

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

// descOrNone is a description for a comment, or says the page gave none.
func descOrNone(d string) string {
	if d == "" {
		return "(no description in the documentation)"
	}
	return commentText(d)
}

// posText names a row of p's page by its place below the sources folder, never by
// an absolute path. A merged-catalog action names its own sources (several
// archives), and keeps them.
func posText(p *resolve.Package, pos model.Pos) string {
	if p.Service.Source.Path != "" && !strings.HasPrefix(pos.File, model.CatalogProvenance) {
		pos.File = SourcesName(p.Sources) + "/" + p.Service.Source.Path
	}
	return pos.String()
}

// deprecatedText is how a vanished symbol is described, in its doc comment (where
// staticcheck finds it) and in its metadata.
func deprecatedText(d *model.Deprecation) string {
	return fmt.Sprintf("removed from %s on %s", d.Page, d.Date)
}
