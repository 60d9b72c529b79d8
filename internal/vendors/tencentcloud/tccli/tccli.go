// Package tccli reads Tencent Cloud's API catalogue as the tencentcloud-cli repository
// ships it: one tccli/services/<service>/<version>/api.json per service and API version,
// read straight from the gzip'd tar that `git archive` wrote (sources/tencentcloud/tccli).
//
// The catalogue names every API 3.0 action with its short Chinese description and status;
// it says nothing about CAM (granularity, resources), and its service name is not always
// the CAM prefix. Those facts are the merged catalog's business, not this reader's.
package tccli

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/work"
)

// Status is an action's status field as api.json writes it; "" when absent.
const (
	Online     = "online"
	Deprecated = "deprecated"
	Offline    = "offline"
)

// Action is one API of a service, merged over the service's versions.
type Action struct {
	Name        string // API name, vendor spelling
	Description string // the short Chinese description (api.json "name")
	// Status is the most alive status any version gives: online, then absent, then
	// deprecated, then offline. A CAM action exists while some version still serves it.
	Status   string
	Versions []string // the API versions that list it, sorted
	// Input are the request's member names (the input object's members), in the
	// order of the newest version that lists the action.
	Input []string
}

// Service is one tccli service folder.
type Service struct {
	Name      string // folder name = API endpoint service, e.g. "cvm", "autoscaling"
	ShortName string // metadata.serviceShortName ("as" for autoscaling)
	NameCN    string // metadata.serviceNameCN, e.g. "云服务器"
	Versions  []string
	Actions   []Action // sorted by Name
}

// Catalogue is one snapshot of the whole catalogue.
type Catalogue struct {
	Source   string // the archive it was read from
	Services []Service
	// Files maps each api.json path to the SHA-256 of its bytes, for file-level diffs.
	Files map[string][32]byte
	// Entries counts action entries per service-version; StatusEntries splits them by
	// Status ("" for none).
	Entries       int
	StatusEntries map[string]int
	// EntryStatus is the status of each "service/version/Action" entry, for diffs
	// that count per API version as the catalogue itself does.
	EntryStatus map[string]string
}

// Service returns the service named name.
func (c *Catalogue) Service(name string) (*Service, bool) {
	i, ok := slices.BinarySearchFunc(c.Services, name, func(s Service, n string) int { return strings.Compare(s.Name, n) })
	if !ok {
		return nil, false
	}
	return &c.Services[i], true
}

// Action returns the service's action named name.
func (s *Service) Action(name string) (*Action, bool) {
	i, ok := slices.BinarySearchFunc(s.Actions, name, func(a Action, n string) int { return strings.Compare(a.Name, n) })
	if !ok {
		return nil, false
	}
	return &s.Actions[i], true
}

// DistinctActions counts service:action pairs.
func (c *Catalogue) DistinctActions() int {
	n := 0
	for _, s := range c.Services {
		n += len(s.Actions)
	}
	return n
}

// ReadFile reads the archive at name.
func ReadFile(name string) (*Catalogue, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := Read(f, name)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// apiFile is the part of api.json the catalogue uses.
type apiFile struct {
	Actions map[string]struct {
		Name   string `json:"name"`
		Input  string `json:"input"`
		Status string `json:"status"`
	} `json:"actions"`
	Objects map[string]struct {
		Members []struct {
			Name string `json:"name"`
		} `json:"members"`
	} `json:"objects"`
	Metadata struct {
		APIVersion       string `json:"apiVersion"`
		ServiceShortName string `json:"serviceShortName"`
		ServiceNameCN    string `json:"serviceNameCN"`
	} `json:"metadata"`
}

// version is one decoded api.json.
type version struct {
	path, service string
	raw           []byte // the file, until decoded
	file          apiFile
	sum           [32]byte
	err           error
}

// Read reads a gzip'd tar holding tccli/services/<svc>/<version>/api.json files; name
// is used in errors. Other files are skipped. A malformed api.json is an error naming
// it; every such error is returned together.
func Read(r io.Reader, name string) (*Catalogue, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	tr := tar.NewReader(zr)
	// Decompression is sequential; decoding, the costly part, then runs on every
	// core through the one worker pool.
	var vs []*version
	var readErr error
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			readErr = fmt.Errorf("%s: %w", name, err)
			break
		}
		parts := strings.Split(h.Name, "/")
		if h.Typeflag != tar.TypeReg || len(parts) != 5 || parts[0] != "tccli" || parts[1] != "services" || parts[4] != "api.json" {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			readErr = fmt.Errorf("%s: %s: %w", name, h.Name, err)
			break
		}
		vs = append(vs, &version{path: h.Name, service: parts[2], raw: b, sum: sha256.Sum256(b)})
	}
	work.Each(len(vs), func(i int) {
		v := vs[i]
		v.err = json.Unmarshal(v.raw, &v.file)
		v.raw = nil
	})
	if readErr != nil {
		return nil, readErr
	}
	var errs []error
	for _, v := range vs {
		if v.err != nil {
			errs = append(errs, fmt.Errorf("%s: %s: %w", name, v.path, v.err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, fmt.Errorf("%s: no tccli/services/<service>/<version>/api.json inside", name)
	}
	return merge(name, vs), nil
}

// statusRank orders statuses from most to least alive.
func statusRank(s string) int {
	switch s {
	case Online:
		return 0
	case "":
		return 1
	case Deprecated:
		return 2
	default:
		return 3
	}
}

// merge folds the versions of each service into one Service, deterministically.
func merge(name string, vs []*version) *Catalogue {
	c := &Catalogue{Source: name, Files: map[string][32]byte{}, StatusEntries: map[string]int{}, EntryStatus: map[string]string{}}
	// Newest version first, so that Input and Description come from it.
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].service != vs[j].service {
			return vs[i].service < vs[j].service
		}
		return vs[i].file.Metadata.APIVersion > vs[j].file.Metadata.APIVersion
	})
	for i := 0; i < len(vs); {
		j := i
		s := Service{Name: vs[i].service}
		byName := map[string]*Action{}
		for ; j < len(vs) && vs[j].service == s.Name; j++ {
			v := vs[j]
			c.Files[v.path] = v.sum
			md := v.file.Metadata
			if s.ShortName == "" {
				s.ShortName, s.NameCN = md.ServiceShortName, md.ServiceNameCN
			}
			ver := md.APIVersion
			if ver == "" {
				ver = path.Base(path.Dir(v.path))
			}
			s.Versions = append(s.Versions, ver)
			for an, a := range v.file.Actions {
				c.Entries++
				c.StatusEntries[a.Status]++
				c.EntryStatus[v.service+"/"+path.Base(path.Dir(v.path))+"/"+an] = a.Status
				got, ok := byName[an]
				if !ok {
					got = &Action{Name: an, Description: strings.TrimSpace(a.Name), Status: a.Status}
					for _, m := range v.file.Objects[a.Input].Members {
						got.Input = append(got.Input, m.Name)
					}
					byName[an] = got
				} else if statusRank(a.Status) < statusRank(got.Status) {
					got.Status = a.Status
				}
				got.Versions = append(got.Versions, ver)
			}
		}
		sort.Strings(s.Versions)
		for _, a := range byName {
			sort.Strings(a.Versions)
			s.Actions = append(s.Actions, *a)
		}
		sort.Slice(s.Actions, func(a, b int) bool { return s.Actions[a].Name < s.Actions[b].Name })
		c.Services = append(c.Services, s)
		i = j
	}
	return c
}
