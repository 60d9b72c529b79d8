package camdocs

import (
	"regexp"
	"sort"
	"strings"
)

// Level is the granularity a row states or implies.
type Level uint8

// Levels a row of an old CAM table can give.
const (
	// LevelResource: 资源级, said by a granularity cell or implied by a qcs:: pattern.
	LevelResource Level = iota + 1
	// LevelOperation: 操作级 / 接口级, said by a granularity cell or a resource of "*".
	LevelOperation
	// LevelUnstated: a row in a resource-level table with neither a level nor a
	// pattern (e.g. an empty resource cell).
	LevelUnstated
)

func (l Level) String() string {
	switch l {
	case LevelResource:
		return "resource"
	case LevelOperation:
		return "operation"
	}
	return "unstated"
}

// Entry is one action row of a resource-level table, with its continuation rows
// ("—" in the action cell) folded in.
type Entry struct {
	Doc   *Doc
	Table int // Table.Index
	Row   int // 1-based data row of the action's first row
	// Prefix is the CAM prefix: the action cell's "name/svc:" or "svc:", else the
	// service most of the table's patterns name, else the Doc's; PrefixFrom says which.
	Prefix, PrefixFrom string
	Action             string
	Description        string
	Patterns           []string // qcs:: patterns as written, in row order, without repeats
	ResourceTypes      []string // the resource-type cells, as written
	Conditions         []string // condition keys named, as written
	GranularityCell    string   // the granularity cell, as written
	Level              Level
}

var (
	// apiName is an API name as the tables write it, possibly prefixed "name/svc:"
	// or "svc:".
	// CLS's old API names start lower case (listTopic).
	apiName     = regexp.MustCompile(`^(?:name/)?(?:([a-z][a-z0-9_-]*):)?([A-Za-z][A-Za-z0-9_]*[A-Z0-9][A-Za-z0-9_]*)$`)
	qcsPattern  = regexp.MustCompile("qcs:[^\\s`<>，,;；|()（）\"'、]*")
	conditionRe = regexp.MustCompile(`\b[a-z][a-z0-9_-]*:[A-Za-z_][A-Za-z0-9_/-]*`)
	continues   = map[string]bool{"—": true, "-": true, "--": true, "——": true, "―": true, "－": true}
)

// actionIn returns the prefix and API name of the first line of cell that is one.
// A cell may be "[Action](url)" (already text), "中文名<br>Action" or "name/cos:Action".
func actionIn(cell string) (prefix, name string, ok bool) {
	// A long name wrapped with <br> ("csg:Shutdown<br>Gateway") is one name.
	if joined := strings.ReplaceAll(cell, "\n", ""); strings.Contains(cell, "\n") && !strings.Contains(joined, " ") {
		if m := apiName.FindStringSubmatch(joined); m != nil {
			return m[1], m[2], true
		}
	}
	for _, l := range strings.Split(cell, "\n") {
		l = strings.TrimSpace(strings.TrimRight(l, "*"))
		if m := apiName.FindStringSubmatch(l); m != nil {
			return m[1], m[2], true
		}
	}
	return "", "", false
}

// actionColumn returns the index of the action column: among the columns whose header
// names an action, the one with the most API-name cells; -1 when there is none or when
// fewer than half its non-continuation cells are API names.
func (t Table) actionColumn() int {
	best, bestN, bestTotal := -1, -1, 0
	for k, r := range t.Roles {
		if r != RoleAction {
			continue
		}
		n, total := 0, 0
		for i, row := range t.Rows {
			if k >= len(row) || t.continues(i, k) {
				continue
			}
			total++
			if _, _, ok := actionIn(row[k]); ok {
				n++
			}
		}
		// API 3.0 names outrank API 2.0 names in the one table that has both.
		if n > bestN || n == bestN && strings.Contains(t.Header[k], "3.0") {
			best, bestN, bestTotal = k, n, total
		}
	}
	if best < 0 || bestTotal == 0 || 2*bestN < bestTotal {
		return -1
	}
	return best
}

// ActionRows counts the rows whose action cell names an API (continuation rows and
// rows of prose are not counted).
func (t Table) ActionRows() int {
	k, n := t.actionColumn(), 0
	if k < 0 {
		return 0
	}
	for i, row := range t.Rows {
		if k < len(row) && !t.continues(i, k) {
			if _, _, ok := actionIn(row[k]); ok {
				n++
			}
		}
	}
	return n
}

// IsActionTable reports whether the table lists API names.
func (t Table) IsActionTable() bool { return t.actionColumn() >= 0 }

// IsResourceTable reports whether the table is an action table with a resource or
// granularity column, or with qcs:: patterns anywhere.
func (t Table) IsResourceTable() bool {
	if !t.IsActionTable() {
		return false
	}
	for _, r := range t.Roles {
		if r == RoleResource || r == RoleGranularity || r == RoleGranularityProse {
			return true
		}
	}
	for _, row := range t.Rows {
		for _, c := range row {
			if strings.Contains(c, "qcs:") {
				return true
			}
		}
	}
	return false
}

// HasProseGranularity reports a table whose level column holds sentences (TKE's
// feature table): its rows are not resource-level facts.
func (t Table) HasProseGranularity() bool {
	for _, r := range t.Roles {
		if r == RoleGranularityProse {
			return true
		}
	}
	return false
}

func (t Table) column(role Role) int {
	for k, r := range t.Roles {
		if r == role {
			return k
		}
	}
	return -1
}

// ProductFolder is the product's folder: the first two path elements below the
// tree's root (yehe_doc/<category>/<product>, product/<category>/<product>).
func (d *Doc) ProductFolder() string {
	parts := strings.SplitN(d.Path, "/", 4)
	if len(parts) < 4 {
		return d.Path
	}
	return strings.Join(parts[:3], "/")
}

// Entries returns the resource-level rows of every Doc, in Doc order. A row whose
// prefix neither its action cell, its table nor its file gives takes the service
// most patterns of its product folder name (MySQL's 2023 notice has no pattern).
func Entries(docs []Doc) []Entry {
	folderText := map[string]*strings.Builder{}
	for i := range docs {
		f := docs[i].ProductFolder()
		if folderText[f] == nil {
			folderText[f] = &strings.Builder{}
		}
		folderText[f].WriteString(docs[i].Text)
	}
	folderPrefix := map[string]string{}
	for f, b := range folderText {
		folderPrefix[f] = dominantService(b.String())
	}
	for f, p := range folderOverrides {
		folderPrefix[f] = p.prefix
	}
	var out []Entry
	for i := range docs {
		for _, e := range docs[i].Entries() {
			if e.Prefix == "" {
				e.Prefix, e.PrefixFrom = folderPrefix[docs[i].ProductFolder()], "product folder patterns"
			}
			out = append(out, e)
		}
	}
	return out
}

// Entries returns the resource-level rows of the Doc's tables, continuation rows
// folded into the action above them. Tables with prose levels are left out.
func (d *Doc) Entries() []Entry {
	var out []Entry
	tables := d.Tables()
	docPrefix := dominantService(d.Text)
	for _, t := range tables {
		if !t.IsResourceTable() || t.HasProseGranularity() {
			continue
		}
		out = append(out, d.tableEntries(t, docPrefix)...)
	}
	return out
}

func (d *Doc) tableEntries(t Table, docPrefix string) []Entry {
	act := t.actionColumn()
	var all []string
	for _, row := range t.Rows {
		all = append(all, row...)
	}
	tablePrefix := dominantService(strings.Join(all, "\n"))
	cell := func(row []string, role Role) string {
		if k := t.column(role); k >= 0 && k < len(row) {
			return row[k]
		}
		return ""
	}
	var out []Entry
	for i, row := range t.Rows {
		if act >= len(row) {
			continue
		}
		var e *Entry
		if t.continues(i, act) {
			if len(out) == 0 {
				continue
			}
			e = &out[len(out)-1]
		} else {
			prefix, name, ok := actionIn(row[act])
			if !ok {
				continue
			}
			out = append(out, Entry{Doc: d, Table: t.Index, Row: i + 1, Action: name, Prefix: prefix, PrefixFrom: "action cell"})
			e = &out[len(out)-1]
			e.Description = cell(row, RoleDescription)
			e.GranularityCell = cell(row, RoleGranularity)
			switch {
			case e.Prefix != "":
			case tablePrefix != "":
				e.Prefix, e.PrefixFrom = tablePrefix, "table patterns"
			case docPrefix != "":
				e.Prefix, e.PrefixFrom = docPrefix, "file patterns"
			}
		}
		res := cell(row, RoleResource)
		for _, p := range qcsPattern.FindAllString(joinWrapped(res), -1) {
			if !contains(e.Patterns, p) {
				e.Patterns = append(e.Patterns, p)
			}
		}
		if rt := cell(row, RoleResourceType); rt != "" {
			e.ResourceTypes = append(e.ResourceTypes, rt)
		}
		for _, c := range conditionRe.FindAllString(cell(row, RoleCondition), -1) {
			if !contains(e.Conditions, c) {
				e.Conditions = append(e.Conditions, c)
			}
		}
		if r := strings.TrimSpace(res); (r == "*" || strings.HasPrefix(r, "* ")) && len(e.Patterns) == 0 {
			e.Level = LevelOperation
		}
	}
	for i := range out {
		out[i].Level = levelOf(out[i])
	}
	return out
}

// levelOf is the row's own granularity cell where there is one, else resource level
// for a row with a qcs:: pattern and operation level for one whose resource is "*".
func levelOf(e Entry) Level {
	g := strings.ToLower(e.GranularityCell)
	switch {
	case strings.Contains(g, "资源级") || strings.Contains(g, "resource") || g == "是" || g == "yes" || g == "支持":
		return LevelResource
	case strings.Contains(g, "操作级") || strings.Contains(g, "接口级") || strings.Contains(g, "operation") || strings.Contains(g, "api") || g == "否" || g == "no" || g == "不支持":
		return LevelOperation
	case len(e.Patterns) > 0:
		return LevelResource
	case e.Level == LevelOperation:
		return LevelOperation
	}
	return LevelUnstated
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// dominantService returns the service most qcs:: patterns in text name ("" for none;
// ties go to the name first in sort order, so the result does not depend on order).
func dominantService(text string) string {
	count := map[string]int{}
	for _, p := range qcsPattern.FindAllString(text, -1) {
		seg := strings.SplitN(p, ":", 4)
		if len(seg) >= 3 && seg[2] != "" && !strings.ContainsAny(seg[2], "$*{") {
			count[seg[2]]++
		}
	}
	var names []string
	for n := range count {
		names = append(names, n)
	}
	sort.Strings(names)
	best := ""
	for _, n := range names {
		if best == "" || count[n] > count[best] {
			best = n
		}
	}
	return best
}

// continues reports whether row i's cell k continues the row above: "—" written in
// it, or a rowspan filling it.
func (t Table) continues(i, k int) bool {
	return t.Spanned[[2]int{i, k}] || k < len(t.Rows[i]) && continues[strings.TrimSpace(t.Rows[i][k])]
}

// joinWrapped rejoins patterns that a page wrapped with <br> before a ":" or "/"
// ("qcs::csg:${Region}:uin/${OwnerUin}<br>:gateway/${gatewayid}").
func joinWrapped(s string) string {
	return strings.NewReplacer("\n:", ":", "\n/", "/").Replace(s)
}

// folderOverrides give the CAM prefix of product folders whose pages never name their
// service in a pattern, each with its reason.
var folderOverrides = map[string]struct{ prefix, reason string }{
	"product/视频服务/直播": {"live", "every pattern of API鉴权规则.md names the service as ${ApiModule}; CSS (云直播) is live in CAM (qcloud 支持CAM的产品.md)"},
}
