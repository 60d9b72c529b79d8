package gcp

// gcpiam/catalog_gen.go: the whole catalog as the runtime reads it.

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// catalogFile renders the runtime's data: the names in one string each, the
// records in arrays of keyless literals (cheap to compile: no switch, no map,
// no init work).
func catalogFile(c *Catalog, pkg string, top map[int]string, sourceName string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header(sourceName))
	b.WriteString("\npackage " + pkg + "\n\n")
	// pages, 1-based in records
	pageIdx := map[string]int{}
	var pages []string
	for _, p := range c.Permissions {
		if p.Page != "" {
			pageIdx[p.Page] = 0
		}
	}
	for _, r := range c.Roles {
		if r.Page != "" && r.HasRow {
			pageIdx[r.Page] = 0
		}
	}
	for p := range pageIdx {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	for i, p := range pages {
		pageIdx[p] = i + 1
	}
	var names, deny, pageNames strings.Builder
	var pageEnds []string
	for _, p := range pages {
		pageNames.WriteString(p)
		pageEnds = append(pageEnds, strconv.Itoa(pageNames.Len()))
	}
	permIdx := map[string]int{}
	var recs strings.Builder
	for i, p := range c.Permissions {
		permIdx[p.Name] = i + 1
		names.WriteString(p.Name)
		deny.WriteString(p.Deny)
		page := 0
		if p.Page != "" {
			page = pageIdx[p.Page]
		}
		fmt.Fprintf(&recs, "\t{%d, %d, %d, %d, %d, %d, %d},\n", names.Len(), len(p.Prefix), len(p.Verb), supportCode(p.Support), page, deny.Len(), p.Pos.Line)
	}
	if len(c.Permissions) > 1<<16-2 || len(c.Roles) > 1<<16-2 {
		return nil, fmt.Errorf("gcp: %d permissions, %d roles: more than the uint16 indexes hold", len(c.Permissions), len(c.Roles))
	}
	var ids, titles, descs, res, perms strings.Builder
	var rrecs strings.Builder
	for _, r := range c.Roles {
		ids.WriteString(r.ID)
		titles.WriteString(r.Title)
		descs.WriteString(r.Description)
		res.WriteString(strings.Join(r.Resources, "\n"))
		var idx []int
		for _, n := range r.Permissions {
			idx = append(idx, permIdx[n])
		}
		sort.Ints(idx)
		prev := 0
		for _, v := range idx {
			d := v - prev
			prev = v
			for d >= 0x80 {
				perms.WriteByte(byte(d) | 0x80)
				d >>= 7
			}
			perms.WriteByte(byte(d))
		}
		var flags []string
		if r.Stage == Beta {
			flags = append(flags, "flagBeta")
		}
		if r.ServiceAgent {
			flags = append(flags, "flagServiceAgent")
		}
		if r.Basic {
			flags = append(flags, "flagBasic")
		}
		if r.HasRow {
			flags = append(flags, "flagRow")
		}
		f := "0"
		if len(flags) > 0 {
			f = strings.Join(flags, " | ")
		}
		page, line := 0, 0
		if r.HasRow {
			page, line = pageIdx[r.Page], r.Pos.Line
		}
		fmt.Fprintf(&rrecs, "\t{%d, %d, %d, %d, %d, %d, %s, %d, %d},\n", ids.Len(), titles.Len(), descs.Len(), res.Len(), perms.Len(), len(idx), f, page, line)
	}
	fmt.Fprintf(&b, "// CatalogPermissions and CatalogRoles are the catalog's sizes; the generated\n// prefix packages check them at compile time.\nconst (\n\tCatalogPermissions = %d\n\tCatalogRoles       = %d\n)\n\n", len(c.Permissions), len(c.Roles))
	if len(top) > 0 {
		var keys []int
		for i := range top {
			keys = append(keys, i)
		}
		sort.Ints(keys)
		b.WriteString("// The roles without a service in their id: the basic roles and roles/browser.\nconst (\n")
		for _, i := range keys {
			r := c.Roles[i]
			fmt.Fprintf(&b, "\t// %s is %s, %q.\n\t//\n", top[i], r.ID, r.Title)
			writeDoc(&b, "\t", roleDoc(r))
			fmt.Fprintf(&b, "\t%s Role = %d\n", top[i], i+1)
		}
		b.WriteString(")\n\n")
	}
	fmt.Fprintf(&b, "const permNames = %s\n\n", strconv.Quote(names.String()))
	fmt.Fprintf(&b, "const denyNames = %s\n\n", strconv.Quote(deny.String()))
	fmt.Fprintf(&b, "const pageNames = %s\n\n", strconv.Quote(pageNames.String()))
	fmt.Fprintf(&b, "var pageEnds = [...]uint32{%s}\n\n", strings.Join(pageEnds, ", "))
	b.WriteString("var permRecs = [...]permRec{\n" + recs.String() + "}\n\n")
	fmt.Fprintf(&b, "const roleIDs = %s\n\n", strconv.Quote(ids.String()))
	fmt.Fprintf(&b, "const roleTitles = %s\n\n", strconv.Quote(titles.String()))
	fmt.Fprintf(&b, "const roleDescs = %s\n\n", strconv.Quote(descs.String()))
	fmt.Fprintf(&b, "const roleResources = %s\n\n", strconv.Quote(res.String()))
	fmt.Fprintf(&b, "const rolePerms = %s\n\n", strconv.Quote(perms.String()))
	b.WriteString("var roleRecs = [...]roleRec{\n" + rrecs.String() + "}\n")
	return b.Bytes(), nil
}

func supportCode(s Support) int {
	switch s {
	case Supported:
		return 1
	case Testing:
		return 2
	case NotSupported:
		return 3
	}
	return 0
}
