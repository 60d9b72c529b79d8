package gcp

import (
	"strconv"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

// permissionLine and roleLine are the JSON lines of `gen catalog` for GCP, in
// issue 23's shapes. Deny is the deny-policy (v2) name, null when the
// permission cannot be denied.
type permissionLine struct {
	Vendor     string   `json:"vendor"`
	Service    string   `json:"service"`
	Permission string   `json:"permission"`
	Roles      []string `json:"roles"`
	Support    string   `json:"custom_roles_support"`
	Deny       *string  `json:"deny"`
}

type roleLine struct {
	Vendor       string   `json:"vendor"`
	Role         string   `json:"role"`
	Title        string   `json:"title"`
	Stage        string   `json:"stage"`
	ServiceAgent bool     `json:"service_agent"`
	Permissions  []string `json:"permissions"`
}

// Catalog implements vendor.Cataloger: every permission, then every role.
func (Vendor) Catalog(s *model.Service) []vendor.CatalogLine {
	return catalogLines(CatalogOf(s), "")
}

// CatalogService implements vendor.ServiceCataloger: a service is a permission
// prefix; its lines are its permissions, then the roles of the same prefix.
func (Vendor) CatalogService(s *model.Service, name string) ([]vendor.CatalogLine, bool) {
	c := CatalogOf(s)
	if c == nil {
		return nil, false
	}
	for _, p := range c.Permissions {
		if p.Prefix == name {
			return catalogLines(c, name), true
		}
	}
	return nil, false
}

// catalogLines are the lines of the permissions, then the roles, whose service
// (prefix) is service, or all when service is empty.
func catalogLines(c *Catalog, service string) []vendor.CatalogLine {
	if c == nil {
		return nil
	}
	var out []vendor.CatalogLine
	for _, p := range c.Permissions {
		if service != "" && p.Prefix != service {
			continue
		}
		j := permissionLine{Vendor: VendorName, Service: p.Prefix, Permission: p.Name, Roles: p.Roles, Support: string(p.Support)}
		deny := "no-deny"
		if p.Deny != "" {
			j.Deny = &p.Deny
			deny = "deny:" + p.Deny
		}
		out = append(out, vendor.CatalogLine{
			Text: []string{p.Name, "permission", string(p.Support), deny, strconv.Itoa(len(p.Roles)) + " roles"},
			JSON: j,
		})
	}
	for _, r := range c.Roles {
		if service != "" && r.Prefix() != service {
			continue
		}
		text := []string{r.ID, "role", string(r.Stage), r.Title, strconv.Itoa(len(r.Permissions)) + " permissions"}
		if r.ServiceAgent {
			text = append(text, "service-agent")
		}
		out = append(out, vendor.CatalogLine{
			Text: text,
			JSON: roleLine{Vendor: VendorName, Role: r.ID, Title: r.Title, Stage: string(r.Stage), ServiceAgent: r.ServiceAgent, Permissions: r.Permissions},
		})
	}
	return out
}
