package tencentcam

import (
	"github.com/permgen/permgen/internal/htmltext"
	"github.com/permgen/permgen/internal/model"
)

// A vocabulary maps a folded header (see htmltext.FoldHeader) to a field key. The Chinese
// names come from cloud.tencent.com, the English ones from the international site,
// which words the same columns differently from page to page.
type vocabulary map[string]string

var actionColumns = vocabulary{
	"接口名": model.KeyAPI, "接口名称": model.KeyAPI, "api": model.KeyAPI, "apiname": model.KeyAPI,
	"接口描述": model.KeyDescription, "描述": model.KeyDescription, "apidescription": model.KeyDescription,
	"description": model.KeyDescription,
	"授权粒度":        model.KeyGranularity, "接口授权粒度": model.KeyGranularity,
	"authorizationgranularity": model.KeyGranularity, "granularity": model.KeyGranularity,
	"资源六段式": model.KeyResource, "资源六段式示例": model.KeyResource, "六段式资源": model.KeyResource,
	"sixsegmentresourcedescription": model.KeyResource, "sixsegmentresource": model.KeyResource,
	"sixsegmentresourceexample": model.KeyResource, "resource": model.KeyResource,
	"ip限制": model.KeyIP, "iprestriction": model.KeyIP, "iprestrictions": model.KeyIP,
}

var factColumns = vocabulary{
	"cam中产品名": model.FactProductName, "cam中产品名称": model.FactProductName, "产品名": model.FactProductName,
	"产品名称": model.FactProductName, "productnameincam": model.FactProductName,
	"productname": model.FactProductName, "product": model.FactProductName,
	"cam中简称": model.FactShortName, "简称": model.FactShortName, "abbreviationincam": model.FactShortName,
	"shortnameincam": model.FactShortName, "abbreviation": model.FactShortName, "shortname": model.FactShortName,
	"控制台访问": model.FactConsoleAccess, "consoleaccess": model.FactConsoleAccess, "console": model.FactConsoleAccess,
	"按标签授权": model.FactTagAuthorization, "tagbasedauthorization": model.FactTagAuthorization,
	"authorizationbytag": model.FactTagAuthorization,
	"授权粒度":               model.FactGranularity, "authorizationgranularity": model.FactGranularity,
	"ip限制": model.FactIPRestriction, "iprestriction": model.FactIPRestriction,
}

// columnNames are the names error messages use for a key: the Chinese page's header
// and the international site's.
var columnNames = map[string]string{
	model.KeyAPI:         "接口名 (API)",
	model.KeyDescription: "接口描述 (API Description)",
	model.KeyGranularity: "授权粒度 (Authorization Granularity)",
	model.KeyResource:    "资源六段式 (Six-segment Resource Description)",
	model.KeyIP:          "IP限制 (IP Restriction)",
}

// requiredColumns are the columns without which a row is no action: its name, and
// the granularity and resource that decide how a policy may name it. A missing
// description or IP restriction column only leaves those fields out (older pages
// had no IP限制 column), and is reported as a warning.
var requiredColumns = []string{model.KeyAPI, model.KeyGranularity, model.KeyResource}
var optionalColumns = []string{model.KeyDescription, model.KeyIP}

// keys maps each header to its key in v, "" where v does not know it.
func (v vocabulary) keys(headers []string) []string {
	keys := make([]string, len(headers))
	for i, h := range headers {
		keys[i] = v[htmltext.FoldHeader(h)]
	}
	return keys
}

// A tableKind says what a table is, judged by its header alone.
type tableKind int

const (
	otherTable  tableKind = iota // layout or unrelated: skipped
	factsTable                   // 基本信息
	actionTable                  // one section of actions
)

// classify names the kind of a table with these headers. Granularity and IP
// restriction head both kinds, so the facts table is told by a column only it has;
// any action column else makes an action table, so that a damaged one is reported
// rather than skipped.
func classify(headers []string) tableKind {
	factOnly := false
	for _, k := range factColumns.keys(headers) {
		switch k {
		case model.FactProductName, model.FactShortName, model.FactConsoleAccess, model.FactTagAuthorization:
			factOnly = true
		}
	}
	actionOnly, anyAction := false, false
	for _, k := range actionColumns.keys(headers) {
		switch k {
		case model.KeyAPI, model.KeyDescription, model.KeyResource:
			actionOnly = true
		}
		anyAction = anyAction || k != ""
	}
	switch {
	case factOnly && !actionOnly:
		return factsTable
	case anyAction:
		return actionTable
	}
	return otherTable
}
