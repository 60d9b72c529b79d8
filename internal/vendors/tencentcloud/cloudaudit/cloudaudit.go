// Package cloudaudit reads CloudAudit's "支持审计的服务及接口列表" pages: per product,
// the operations CloudAudit records, each with its resource type and event name. The
// event name is the CAM action's API name, so the lists are a check on the catalog
// (names it misses), never a source of granularity or resources.
package cloudaudit

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
)

// Event is one row of an event table.
type Event struct {
	Name         string // 事件名称 / Event Name: the API name
	ResourceType string // 资源类型 / Resource Type, usually the CAM prefix ("cvm")
	Operation    string // 操作名称 / Operation Name, as written
	Where        string // "<path>: table T row R"
}

// Events returns the event rows of every Doc, in Doc order.
func Events(docs []camdocs.Doc) []Event {
	var out []Event
	for i := range docs {
		d := &docs[i]
		for _, t := range d.Tables() {
			ev, rt, op := -1, -1, -1
			for k, h := range t.Header {
				h = strings.ToLower(h)
				switch {
				case strings.Contains(h, "事件名称") || strings.Contains(h, "event name"):
					ev = k
				case strings.Contains(h, "资源类型") || strings.Contains(h, "resource type"):
					rt = k
				case strings.Contains(h, "操作名称") || strings.HasPrefix(h, "operation"):
					op = k
				}
			}
			if ev < 0 {
				continue
			}
			for r, row := range t.Rows {
				cell := func(k int) string {
					if k >= 0 && k < len(row) {
						return strings.TrimSpace(row[k])
					}
					return ""
				}
				if cell(ev) == "" {
					continue
				}
				out = append(out, Event{Name: cell(ev), ResourceType: cell(rt), Operation: cell(op),
					Where: fmt.Sprintf("%s: table %d row %d", d.Path, t.Index, r+1)})
			}
		}
	}
	return out
}
