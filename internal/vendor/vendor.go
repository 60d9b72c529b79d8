// Package vendor is the contract between permgen's stages and the vendors it reads.
// A vendor (AWS, Tencent Cloud, Google Cloud, Stella's scope tables) is one package,
// internal/vendors/<name>, that implements Vendor; internal/vendors/all lists them,
// once. (They cannot live below internal/vendor: the go command reads a path
// element "vendor" as a vendor directory and refuses to import what is below it.)
// pipeline, history, write, the diff classifier and the CLI ask that list, and
// the capabilities a vendor declares, instead of switching on a vendor's name: adding
// a vendor is a new package, its runtime templates, and one line in all.
//
// # The contract
//
// A run goes through the stages below in this order; every stage but Emit sees the
// whole of one vendor's services, never another vendor's.
//
//  1. Formats: a page of the sources folder names its format in the manifest, or
//     each vendor's formats are asked to Detect it, vendors in registry order and
//     formats in the order Formats returns them (the more specific first). A format
//     belongs to one vendor; its Name is the manifest's "format" value and the Kind
//     of every service resolved from it, so a service's Kind names its vendor
//     (Registry.Owner). Scrape reads text as found, with positions, and interprets
//     nothing.
//  2. Resolve turns one scraped page and the overrides naming its file into a
//     service: values normalized, mapped to closed vocabularies, checked. An
//     override it cannot apply (a field it does not know, a vendor that takes
//     none) is an error that says why, never silently ignored.
//  3. Finish sees every service of the vendor at once (pages that share an AWS
//     prefix merge; Tencent joins three sources with provenance) and may return a
//     different list. Checks across pages run here.
//  4. History (not the vendor's code): the previous snapshots are matched to the
//     fresh services by Kind and source path; each EntryKind's entries that vanished
//     are put back deprecated (EntryKind.Keep), and the loss guards count entries per
//     kind and per Entry.Group.
//  5. Derive computes what follows from the entries (builders, implied scopes), live
//     and deprecated alike, after history. It replaces what a snapshot carried.
//  6. Layout gives every service its package, folder and Go names below an import
//     root and names the folders the vendor reserves (shared runtimes, catalogs).
//     The core refuses two packages, or a package and a reserved folder, in one
//     folder. A manifest "package" is the vendor's to honour. A vendor whose tree
//     is rendered whole from one catalog makes no packages, reserves its folder and
//     hands EmitTree a Layout.Plan.
//  7. Emit renders one package; EmitTree renders what the vendor's packages share
//     (runtimes, catalogs, README). Both return files in memory and write nothing;
//     every Go file they return carries the generated-code header.
//
// Services are model.Service values: an envelope (Kind, Source, names,
// Diagnostics) whose entries belong to the vendor that owns the Kind, in the
// envelope's own fields or in its Payload, a value of the vendor's own type that
// no snapshot carries (Google Cloud's catalog). Code outside a vendor's package
// reads only the envelope and what the vendor's EntryKinds expose.
//
// What only some vendors do is an optional interface, found by type assertion:
// Cataloger and ServiceCataloger (gen catalog), Differ, Unsnapshotted, Fallback,
// Companion, SourceFinisher, PolicyDialect and DefaultDialect (gen policy),
// Commander (a vendor's own form of a command, "gen diff -vendor gcp"),
// ArchiveDiffer (gen diff of a vendor's own files), Linter (gen lint's checks of
// a vendor), QuirkSummarizer (generate's summary line), Helper (a vendor's words
// in a shared command's help), Fetcher. The CLI asks "does any vendor claim
// this?", never "is it AWS?".
//
// Changes to this contract are additive: a new stage is a new optional interface
// with a default, so that a vendor written against today's contract still builds.
package vendor

import (
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// Vendor is one vendor's whole part in a run. Implementations are stateless values;
// every method may be called concurrently for different services.
type Vendor interface {
	// Name is the vendor's key: the registry's, the CLI help's and the folder
	// name below internal/vendor. Lower case, no spaces: "aws", "tencentcloud".
	Name() string
	// Summary is one line for the CLI's help: what the vendor's pages are.
	Summary() string
	// Formats are the page layouts the vendor reads, in detection order.
	Formats() []Format
	// Resolve turns one scraped page, and the overrides whose File is its
	// source path, into a service. Unknown values and malformed rows are errors
	// (all of them, joined); an override it cannot take is an error with a reason.
	Resolve(p *model.Page, overrides []model.Override) (*model.Service, error)
	// Finish sees every resolved service of the vendor, in sources order, and
	// returns the vendor's services for the rest of the run.
	Finish(services []*model.Service) ([]*model.Service, error)
	// Derive computes the facts that follow from a service's entries, replacing
	// those it carried, and appends its findings to s.Diagnostics.
	Derive(s *model.Service)
	// Entries lists the kinds of named item the vendor's services hold, each
	// with how history and the diff classifier treat it. Listed once; a kind
	// not listed is neither kept by history nor compared.
	Entries() []EntryKind
	// Layout names every service's package below importRoot ("" when only the
	// names are wanted, as lint does) and the folders the vendor reserves.
	Layout(services []*model.Service, importRoot string) (Layout, error)
	// Emit renders one package of the vendor's Layout.
	Emit(p *resolve.Package) ([]write.File, error)
	// EmitTree renders what the vendor's packages share (runtimes, catalogs,
	// transports); nil when nothing. src is the sources folder the run read, for
	// the vendor's own files in it and for the names generated comments cite.
	EmitTree(l Layout, src Sources) ([]write.File, error)
}

// Format is one page layout of a vendor.
type Format interface {
	// Name is the manifest's "format" value and the Kind of the services
	// resolved from pages of this format: "aws-sar", "tencent-cam".
	Name() string
	// Detect reports whether a page with no manifest entry has this layout.
	Detect(d *Doc) bool
	// Scrape reads the page: text exactly as found, each piece with its place.
	Scrape(d *Doc) (*model.Page, error)
}

// Layout is the Go view of one vendor's services.
type Layout struct {
	// Packages are the vendor's packages, one per service, in any order (the
	// core sorts by folder).
	Packages []*resolve.Package
	// Reserved are the folders below the generated root the vendor writes to
	// itself (shared runtimes, catalogs): no package may use them.
	Reserved []string
	// Runtimes are the template packages the vendor copies into the tree.
	Runtimes []*resolve.Runtime
	// Plan is what Layout worked out for EmitTree that no package carries (a
	// vendor whose services are one catalog renders its whole tree from it, with
	// the import root Layout was given); only the vendor reads it.
	Plan any
}

// Sources is the sources folder of a run, as EmitTree needs it.
type Sources struct {
	Dir string // the folder as given (-in)
}

// Entry is one named item of a service as history and the diff classifier see it.
type Entry struct {
	// Name is unique within its kind and service: the action's or scope's name.
	Name string
	// Group is where the page lists it (a Tencent section); history refuses a
	// run in which a whole group vanished. Empty: the kind has no groups.
	Group string
	// Deprecated is set when the entry vanished from the page and is kept so
	// that users' code still compiles.
	Deprecated *model.Deprecation
	// Signature is what an entry that vanished and one that came must share to
	// be reported as one entry renamed; "" never pairs.
	Signature string
	// Describe is the detail of a report that the entry was added.
	Describe string
	// Gone is the detail of a report that the entry was removed; "" none.
	Gone string
	// Item is the vendor's value of the entry, handed back to Fields.
	Item any
}

// EntryKind is one kind of named item ("action", "scope", "role", "resource_type").
type EntryKind struct {
	// Name is the kind in the singular as reports name it ("resource_type"; an
	// underscore reads as a space), Plural as messages say it ("resource types").
	Name, Plural string
	// GroupNoun is what the vendor calls an Entry.Group in messages ("section").
	GroupNoun string
	// Summary says the kind is counted in the one-line summary of a service
	// added or removed as a whole ("12 actions, 3 resource types").
	Summary bool
	// List returns the service's entries of this kind, in the service's order.
	List func(s *model.Service) []Entry
	// Keep puts back into fresh the entries of old whose names are in vanished,
	// each marked with mark(its previous Deprecation), and restores the kind's
	// order. History decides which vanished and whether they are kept. Nil for
	// a kind history does not keep (facts derived from other entries, or
	// definitions no user code outlives): such entries are never deprecated,
	// and their losses are not guarded.
	Keep func(fresh, old *model.Service, vanished map[string]bool, mark func(prev *model.Deprecation) *model.Deprecation)
	// Fields classifies what changed between two versions of one entry (the
	// Items of two Entries of the same name), every differing field: those it
	// has no rule for as Policy (ApplyRules does both). churn names the entries
	// of this kind that came, went or were renamed in the same comparison, for
	// fields that refer to other entries.
	Fields func(old, new any, churn map[string]bool) []Change
}

// Class says how a change affects users; the values are the diff classifier's.
type Class string

// Classes, worst first.
const (
	Breaking Class = "breaking" // users' code no longer compiles or means something else
	Policy   Class = "policy"   // what a policy allows may change
	Additive Class = "additive" // something new; nothing existing changed
	Cosmetic Class = "cosmetic" // wording, links, order
)

// Change is one classified change of a field of an entry or of a service.
type Change struct {
	Class    Class
	Field    string // the model's JSON name of the field
	Old, New string
	Detail   string
}

// Doc is one page to scrape: the manifest's view of it and its bytes. Formats share
// it, so that a page is parsed into a tree at most once, however many Detect it.
type Doc struct {
	Source model.Source
	HTML   []byte
	tree   *docTree
}

// Cataloger is a vendor whose entries `gen catalog` lists.
type Cataloger interface {
	// Catalog returns one line per entry of s: Text are the columns of the
	// text form (joined by tabs), JSON the object of the -format json form.
	Catalog(s *model.Service) []CatalogLine
}

// ServiceCataloger is a Cataloger whose one service holds many of what
// `gen catalog -service` names (Google Cloud: one catalog, a service per
// permission prefix).
type ServiceCataloger interface {
	// CatalogService returns the lines of s that belong to the service name,
	// and whether s has that service at all.
	CatalogService(s *model.Service, name string) ([]CatalogLine, bool)
}

// Unsnapshotted is a vendor whose services leave no model snapshot in the
// generated tree (Google Cloud: its catalog is compared by its own diff command,
// between two snapshots of the pages). The model diff, which may compare
// snapshots with scraped pages, leaves such services out of a scraped side.
type Unsnapshotted interface {
	Unsnapshotted()
}

// CatalogLine is one entry as `gen catalog` prints it.
type CatalogLine struct {
	Text []string
	JSON any
}

// Differ is a vendor whose services need more than their Kind, vendor and short
// name to be matched across two models (several Stella pages share a vendor), or
// that has service-level fields of its own to classify.
type Differ interface {
	// Identity is the extra part of s's identity; "" when the triple is enough.
	Identity(s *model.Service) string
	// ServiceFields classifies the vendor's own service-level fields that differ
	// between two versions of one service; fields is the set of differing Go
	// field paths ("Granularity", "Source.APIVersion"), from which it removes
	// what it classified. The classifier reports the fields left as Policy.
	ServiceFields(fields map[string]bool, old, new *model.Service) []Change
}

// Companion is a vendor that renders, in the same run, files outside the output
// folder that follow from the tree (AWS: the SDK guard's operation table,
// sdk/awsperm/operations_gen.go), so that generate writes them and check compares
// them: a second generator chained through checked-in files would go stale unseen.
type Companion interface {
	// Companions returns the files, each Path relative to the working directory;
	// none when their inputs are absent (a user's module has no sdk/awsperm).
	// tree is every file of the run below the output folder out.
	Companions(tree []write.File, out string) ([]write.File, error)
}

// SourceFinisher is a vendor whose pages are not its only source: Finish also
// reads files of the sources folder that are not pages (Tencent's API catalogue
// and its older CAM documentation, archives joined into one catalog). The
// pipeline calls FinishSources instead of Finish, even when the vendor has no
// page in the run, so that a folder holding only those files still yields its
// services.
type SourceFinisher interface {
	FinishSources(src Sources, services []*model.Service) ([]*model.Service, error)
}
