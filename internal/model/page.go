package model

// Format names a documentation page layout; each has one scraper.
const (
	FormatTencentCAM = "tencent-cam" // Tencent Cloud CAM "APIs supporting CAM" page
	FormatScopeTable = "scope-table" // a table of access-token scopes "namespace:verb"
)

// Source describes one snapshot in sources/: where it came from and how to read it.
// It is what the manifest records for a page.
type Source struct {
	File       string `json:"file,omitempty"`        // path as given to the scraper, e.g. "sources/tencentcloud/ccc.html"
	Path       string `json:"path,omitempty"`        // path below the sources folder, "tencentcloud/ccc.html": stable across machines
	Vendor     string `json:"vendor"`                // folder under sources/, e.g. "tencentcloud"
	Format     string `json:"format"`                // one of the Format constants
	URL        string `json:"url,omitempty"`         // where the vendor publishes the page
	Provenance string `json:"provenance,omitempty"`  // how the snapshot was made
	Package    string `json:"package,omitempty"`     // output folder below the generated root; empty: derived
	APIVersion string `json:"api_version,omitempty"` // the service's API version (Tencent Cloud API 3.0)

	// Conditional-request state kept by `gen fetch`, so that a refresh of an unchanged
	// page costs the vendor a 304 and changes no file.
	ETag         string `json:"etag,omitempty"`          // the ETag of the response the snapshot came from
	LastModified string `json:"last_modified,omitempty"` // its Last-Modified, sent back verbatim
	Fetched      string `json:"fetched,omitempty"`       // UTC date (2006-01-02) the fetched snapshot last changed
}

// Page is what a scraper read from one snapshot: text exactly as found (tags
// stripped, nothing else changed), each piece with its position. Interpreting the
// values (which granularity "资源级" is, which category a heading names) is resolve's
// job, so that one vocabulary serves every scraper of a format.
type Page struct {
	Source Source `json:"source"`
	Title  string `json:"title,omitempty"`
	// Facts are the service-wide values, for Tencent the 基本信息 table, keyed by the
	// Fact* constants.
	Facts []Field `json:"facts,omitempty"`
	// Tables in page order. For Tencent one per section (写操作, 读操作, ...); for a
	// scope table, one.
	Tables []Table `json:"tables"`
	// Warnings the scraper raised: unknown sections, extra columns and the like.
	Warnings []Diagnostic `json:"warnings,omitempty"`
	// Payload is what a format read that Tables cannot hold, for its own
	// vendor's Resolve only (Service.Payload's counterpart).
	Payload any `json:"-"`
}

// Table is one data table of a page.
type Table struct {
	Heading string   `json:"heading"` // the nearest heading before the table, as found
	Columns []string `json:"columns"` // header cells, as found
	Rows    []Row    `json:"rows"`    // data rows in page order
	Pos     Pos      `json:"pos"`     // file and table
}

// Row is one data row.
type Row struct {
	Pos    Pos     `json:"pos"` // file, table and row
	Fields []Field `json:"fields"`
}

// Field is one cell, identified by the key of the column it belongs to.
type Field struct {
	Key  string `json:"key"`  // one of the Key*/Fact* constants
	Text string `json:"text"` // the cell's text as found
	// Parts splits a cell that holds several values (resource patterns separated by
	// <br>, block elements or white space), each as found. Nil for one-value cells.
	Parts []string `json:"parts,omitempty"`
	Pos   Pos      `json:"pos"` // file, table, row and column
}

// Field keys of a Tencent CAM action table.
const (
	KeyAPI         = "api"
	KeyDescription = "description"
	KeyGranularity = "granularity"
	KeyResource    = "resource"
	KeyIP          = "ip_restriction"
)

// Field key of a scope table (description is KeyDescription).
const KeyScope = "scope"

// Fact keys of a Tencent CAM 基本信息 (Fundamental information) table.
const (
	FactProductName      = "product_name"
	FactShortName        = "short_name"
	FactConsoleAccess    = "console_access"
	FactTagAuthorization = "tag_authorization"
	FactGranularity      = "granularity"
	FactIPRestriction    = "ip_restriction"
)

// Field returns the field with key k, and whether it was there.
func (r Row) Field(k string) (Field, bool) {
	for _, f := range r.Fields {
		if f.Key == k {
			return f, true
		}
	}
	return Field{}, false
}

// Fact returns the fact with key k, and whether it was there.
func (p *Page) Fact(k string) (Field, bool) {
	for _, f := range p.Facts {
		if f.Key == k {
			return f, true
		}
	}
	return Field{}, false
}
