package tencentcam

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

const knownActionColumns = "接口名 | 接口描述 | 授权粒度 | 资源六段式 | IP限制 (or English)"

// actions reads one section's action table. Rows that cannot be read are errors, not
// skipped: a lost row would be a lost action in the generated code.
func (s *scraper) actions(t rawTable, headers []string) {
	s.actionTables++
	pos := model.Pos{File: s.src.File, Table: t.heading}
	keys := actionColumns.keys(headers)
	s.unknownColumns(pos, headers, keys, knownActionColumns)
	ok := s.uniqueColumns(pos, headers, keys)
	for _, k := range requiredColumns {
		if !has(keys, k) {
			s.errorf(pos, "action table has no column %s, which every action needs; headers found: %s; if the page names it differently, add the name to the vocabulary in internal/vendors/tencentcloud/tencentcam/headers.go", columnNames[k], quoteAll(headers))
			ok = false
		}
	}
	for _, k := range optionalColumns {
		if !has(keys, k) {
			s.warn(pos, "missing-column", fmt.Sprintf("action table has no column %s; its rows carry no %s field", columnNames[k], k))
		}
	}
	if t.preamble > 0 {
		s.warn(pos, "rows-before-header", fmt.Sprintf("%d row(s) before the header row are not read", t.preamble))
	}
	if !ok {
		return
	}
	if len(t.rows) == 0 {
		s.errorf(pos, "action table has a header row but no data rows; check the snapshot against the vendor page (a cut-off or empty section)")
		return
	}
	table := model.Table{Heading: t.heading, Columns: headers, Rows: []model.Row{}, Pos: pos}
	for i, cells := range t.rows {
		rpos := pos
		rpos.Row = i + 1
		if len(cells) < len(headers) {
			s.errorf(rpos, "row has %d cells, the header has %d (%s): a cell is missing; check the snapshot against the vendor page (merged cells are not supported)", len(cells), len(headers), quoteAll(headers))
			continue
		}
		if len(cells) > len(headers) {
			s.warn(rpos, "extra-cells", fmt.Sprintf("row has %d cells, the header has %d; the cells without a header are ignored", len(cells), len(headers)))
		}
		row := model.Row{Pos: rpos}
		for j, k := range keys {
			if k == "" {
				continue
			}
			f := model.Field{Key: k, Text: cells[j], Pos: rpos.WithColumn(headers[j])}
			switch k {
			case model.KeyAPI:
				if strings.TrimSpace(f.Text) == "" {
					s.errorf(f.Pos, "empty API name: every action needs its name; check the snapshot against the vendor page")
				}
			case model.KeyResource:
				f.Parts = parts(f.Text)
			}
			row.Fields = append(row.Fields, f)
		}
		table.Rows = append(table.Rows, row)
	}
	s.page.Tables = append(s.page.Tables, table)
}

// unknownColumns warns of each header the vocabulary does not know: it is ignored,
// and a maintainer decides whether it is a new name for a known column.
func (s *scraper) unknownColumns(pos model.Pos, headers, keys []string, known string) {
	for i, k := range keys {
		if k == "" {
			s.warn(pos.WithColumn(headers[i]), "unknown-column", fmt.Sprintf("unknown column %q is ignored; known: %s; if it is a new name for one of them, add it to internal/vendors/tencentcloud/tencentcam/headers.go", headers[i], known))
		}
	}
}

// uniqueColumns reports two headers read as the same key: which one holds the value
// cannot be guessed.
func (s *scraper) uniqueColumns(pos model.Pos, headers, keys []string) bool {
	first := map[string]int{}
	ok := true
	for i, k := range keys {
		if k == "" {
			continue
		}
		if j, dup := first[k]; dup {
			s.errorf(pos.WithColumn(headers[i]), "columns %q and %q both read as %s; remove one from the vocabulary in internal/vendors/tencentcloud/tencentcam/headers.go or check the snapshot", headers[j], headers[i], k)
			ok = false
			continue
		}
		first[k] = i
	}
	return ok
}

func quoteAll(headers []string) string {
	q := make([]string, len(headers))
	for i, h := range headers {
		q[i] = fmt.Sprintf("%q", h)
	}
	return strings.Join(q, " | ")
}
