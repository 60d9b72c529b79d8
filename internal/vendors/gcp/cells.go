package gcp

import "strings"

// The cells of the two row kinds, read from the events the scanner recorded.

// roleCell reads the Role cell: title and Beta marker from the h4, the id from
// the code that starts with roles/, the description paragraphs, the lowest-level
// resources, and the service-agent warning.
func (s *scanner) roleCell(c *cell, pos Pos) *Role {
	r := &Role{Stage: GA, Page: s.page.Name, Pos: pos, HasRow: true}
	var (
		h4ID                   string
		desc                   []string
		inH4, inSup, inBQ, inP int
		inLi                   int
		afterMarker, sawH4     bool
		titleB, bq, para, li   []byte
	)
	for _, e := range c.events {
		switch e.kind {
		case evOpen:
			switch e.tag {
			case "h4":
				inH4++
				if !sawH4 {
					h4ID = c.str(e.s0, e.s1)
				}
				sawH4 = true
			case "sup":
				inSup++
			case "blockquote":
				inBQ++
				bq = bq[:0]
			case "p":
				inP++
				para = para[:0]
			case "li":
				inLi++
				li = li[:0]
			}
		case evClose:
			switch e.tag {
			case "h4":
				inH4--
			case "sup":
				inSup--
			case "blockquote":
				inBQ--
				t := string(fold(bq))
				if strings.Contains(strings.ToLower(t), "grant service agent roles") {
					r.ServiceAgent = true
				} else if t != "" {
					desc = append(desc, t)
				}
			case "p":
				inP--
				if inBQ > 0 {
					continue
				}
				switch f := string(fold(para)); f {
				case "", "(", ")", "( )":
					// the parentheses around the role id
				case lowestLevelMarker:
					afterMarker = true
				default:
					desc = append(desc, f)
				}
			case "li":
				inLi--
				if f := string(fold(li)); f != "" && inBQ == 0 {
					if afterMarker {
						r.Resources = append(r.Resources, f)
					} else {
						desc = append(desc, "- "+f)
					}
				}
			}
		case evCode:
			code := c.str(e.s0, e.s1)
			switch {
			case inBQ > 0:
				bq = append(append(bq, ' '), code...)
			case r.ID == "" && strings.HasPrefix(code, "roles/"):
				r.ID = code
			case inP > 0:
				para = append(append(para, ' '), code...)
			}
		case evText:
			t := c.arena[e.s0:e.s1]
			switch {
			case inBQ > 0:
				bq = append(append(bq, ' '), t...)
			case inH4 > 0 && inSup > 0:
				if string(fold(t)) == "Beta" {
					r.Stage = Beta
				} else {
					s.errorf(c, "Role", "unknown marker <sup>%s</sup> in the title; known: Beta", fold(t))
				}
			case inH4 > 0:
				titleB = append(titleB, t...)
			case inLi > 0:
				li = append(append(li, ' '), t...)
			case inP > 0:
				para = append(append(para, ' '), t...)
			case afterMarker:
				// BigQuery's bare lines; "These resources within a dataset:" labels
				// the nested list that follows and is not itself a resource.
				for _, l := range strings.Split(string(t), "\n") {
					if l = strings.TrimSpace(l); l != "" && !strings.HasSuffix(l, ":") {
						r.Resources = append(r.Resources, string(fold([]byte(l))))
					}
				}
			}
		}
	}
	r.Title = string(fold(titleB))
	r.Description = strings.Join(desc, "\n\n")
	switch {
	case !sawH4:
		s.errorf(c, "Role", "no <h4> role title")
		return nil
	case r.ID == "":
		s.errorf(c, "Role", "no role id (a <code> starting with roles/)")
		return nil
	case !validRoleID(r.ID):
		s.errorf(c, "Role", "role id %q is not roles/<service>.<name> or roles/<name>", r.ID)
		return nil
	case h4ID != strings.TrimPrefix(r.ID, "roles/"):
		s.errorf(c, "Role", "h4 id %q does not match role id %s", h4ID, r.ID)
		return nil
	case r.Title == "":
		s.errorf(c, "Role", "empty title for %s", r.ID)
		return nil
	}
	return r
}

// permissionList reads a role's Permissions cell: every <code> that names a
// permission; group headers (x.y.* and gcp.redisenterprise.com/*) are not
// permissions.
func (s *scanner) permissionList(c *cell) []string {
	var ps []string
	inBQ := 0
	for _, e := range c.events {
		switch {
		case e.kind == evOpen && e.tag == "blockquote":
			inBQ++
		case e.kind == evClose && e.tag == "blockquote":
			inBQ--
		case e.kind == evCode && inBQ == 0:
			name := c.str(e.s0, e.s1)
			if strings.HasSuffix(name, "*") {
				continue
			}
			if !validPermission(name) {
				s.errorf(c, "Permissions", "%q is not a permission name (service.resource.verb)", name)
				continue
			}
			ps = append(ps, name)
		}
	}
	return ps
}

// permCell reads the Permission cell: the name from the h4's data-text, which
// must agree with the code text (the id replaces '/' with '_' and is not used).
func (s *scanner) permCell(c *cell, pos Pos) *PermRow {
	var dataText, code string
	for _, e := range c.events {
		switch {
		case e.kind == evOpen && e.tag == "h4" && dataText == "":
			dataText = string(appendNoSpace(nil, c.arena[e.a0:e.a1]))
		case e.kind == evCode && code == "":
			code = c.str(e.s0, e.s1)
		}
	}
	name := dataText
	if name == "" {
		name = code
	}
	switch {
	case name == "":
		s.errorf(c, "Permission", "no permission name (h4 data-text or code)")
		return nil
	case code != "" && dataText != "" && code != dataText:
		s.errorf(c, "Permission", "h4 data-text %q and code %q disagree", dataText, code)
		return nil
	case !validPermission(name):
		s.errorf(c, "Permission", "%q is not a permission name (service.resource.verb)", name)
		return nil
	}
	return &PermRow{Name: name, Pos: pos}
}

// includedIn reads "Included in roles": each role is a link (title, defining
// page) followed by a code holding its id; the notes in blockquotes hold other
// codes (BigQuery's WRITER), which are not roles.
func (s *scanner) includedIn(c *cell) []RoleRef {
	var (
		refs       []RoleRef
		href       string
		link       []byte
		inA, inBQ  int
		afterLabel bool
		inP        int
		pText      []byte
	)
	for _, e := range c.events {
		switch e.kind {
		case evOpen:
			switch e.tag {
			case "a":
				inA++
				href, link = c.str(e.s0, e.s1), link[:0]
			case "blockquote":
				inBQ++
			case "p":
				inP++
				pText = pText[:0]
			case "li":
				href, link = "", link[:0]
			}
		case evClose:
			switch e.tag {
			case "a":
				inA--
			case "blockquote":
				inBQ--
			case "p":
				inP--
				if string(fold(pText)) == serviceAgentLabel {
					afterLabel = true
				}
				href, link = "", link[:0]
			}
		case evText:
			t := c.arena[e.s0:e.s1]
			if inA > 0 {
				link = append(link, t...)
			}
			if inP > 0 {
				pText = append(pText, t...)
			}
		case evCode:
			id := c.str(e.s0, e.s1)
			if inBQ > 0 || !strings.HasPrefix(id, "roles/") {
				continue
			}
			if !validRoleID(id) && !basicRole(id) {
				s.errorf(c, "Included in roles", "role id %q is not roles/<service>.<name> or roles/<name>", id)
				continue
			}
			refs = append(refs, RoleRef{ID: id, Title: string(fold(link)), Page: linkPage(href), ServiceAgent: afterLabel})
		}
	}
	return refs
}

// linkPage returns the page a role link points to: the last path element before
// the fragment.
func linkPage(href string) string {
	href, _, _ = strings.Cut(href, "#")
	if i := strings.LastIndexByte(href, '/'); i >= 0 {
		return href[i+1:]
	}
	return href
}

func basicRole(id string) bool {
	return id == "roles/owner" || id == "roles/editor" || id == "roles/viewer"
}

// validRoleID accepts roles/<service>.<name>, and roles/<name> (roles/browser,
// the basic roles), with the characters Google uses.
func validRoleID(id string) bool {
	rest, ok := strings.CutPrefix(id, "roles/")
	if !ok || rest == "" || strings.HasPrefix(rest, ".") || strings.HasSuffix(rest, ".") {
		return false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// validPermission accepts service.resource.verb, where service may be a domain
// with a path (iam.googleapis.com/oauthClients.get).
func validPermission(n string) bool {
	if strings.Count(n, ".") < 2 && !(strings.Contains(n, "/") && strings.Count(n, ".") >= 1) {
		return false
	}
	if n[0] == '.' || n[len(n)-1] == '.' {
		return false
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-' || c == '/') {
			return false
		}
	}
	return true
}
