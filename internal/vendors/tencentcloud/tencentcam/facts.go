package tencentcam

import (
	"fmt"

	"github.com/permgen/permgen/internal/model"
)

const knownFactColumns = "CAM中产品名 | CAM中简称 | 控制台访问 | 按标签授权 | 授权粒度 | IP限制 (or English)"

// facts reads the 基本信息 table: one header row, one data row. A column the page
// leaves out (older pages have no 控制台访问) is simply not a fact; resolve decides
// whether it needs it.
func (s *scraper) facts(t rawTable, headers []string) {
	pos := model.Pos{File: s.src.File, Table: t.heading}
	if s.haveFacts {
		s.warn(pos, "extra-facts-table", "a second 基本信息 (Fundamental information) table is ignored; the first one gives the facts")
		return
	}
	s.haveFacts = true
	keys := factColumns.keys(headers)
	s.unknownColumns(pos, headers, keys, knownFactColumns)
	if !s.uniqueColumns(pos, headers, keys) {
		return
	}
	if len(t.rows) == 0 {
		s.errorf(pos, "the 基本信息 (Fundamental information) table has a header row but no data row; check the snapshot against the vendor page")
		return
	}
	row := t.rows[0]
	rpos := pos
	rpos.Row = 1
	if len(row) < len(headers) {
		s.errorf(rpos, "row has %d cells, the header has %d (%s): a cell is missing; check the snapshot against the vendor page", len(row), len(headers), quoteAll(headers))
		return
	}
	for i, k := range keys {
		if k != "" {
			s.page.Facts = append(s.page.Facts, model.Field{Key: k, Text: row[i], Pos: rpos.WithColumn(headers[i])})
		}
	}
	if len(t.rows) > 1 {
		s.warn(pos, "extra-fact-rows", fmt.Sprintf("the 基本信息 table has %d data rows; only the first is read", len(t.rows)))
	}
}
