package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

type category int

const (
	catWrite category = iota
	catRead
	catList
	catOther
)

type granularity int

const (
	granService granularity = iota
	granOperation
	granResource
)

type support int

const (
	supported support = iota
	unsupported
	partial
)

// product is one page's content before rendering: what a vendor would document.
type product struct {
	index   int
	short   string
	name    string
	english bool

	consoleColumn, ipColumn bool // older pages lack these columns
	console, tag, ip        support
	granularity             granularity

	types    []resType
	sections []section
}

type section struct {
	cat     category
	actions []action
}

type action struct {
	name      string
	desc      string // HTML, entities and inline tags as pages have them
	gran      granularity
	resources []string // patterns as found, placeholder spellings varied
	ip        support
	cat       category
}

// resType is a resource type a product's patterns name.
type resType struct {
	service string // "" for the product's own
	typ, id string
	region  bool // the pattern has a region segment
	account bool // the pattern names the account
}

// newProduct builds product i. Each product draws from its own stream, seeded by
// (seed, i), so that product i is the same whatever the corpus size.
func newProduct(seed int64, i, actions int) *product {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	p := &product{
		index: i,
		short: fmt.Sprintf("syn%03d", i+1),
		// Every seventh page comes from the international site: a fixed share, so
		// that even a small corpus has some.
		english:       i%7 == 6,
		consoleColumn: r.IntN(5) > 0,
		ipColumn:      r.IntN(10) > 0,
		console:       pick(r, []support{supported, supported, supported, unsupported}),
		tag:           pick(r, []support{supported, unsupported, unsupported}),
		ip:            pick(r, []support{supported, supported, supported, partial, unsupported}),
	}
	if p.english {
		p.name = pick(r, enProductPrefixes) + " " + pick(r, enProductNouns)
	} else {
		p.name = pick(r, zhProductPrefixes) + pick(r, zhProductNouns) + pick(r, zhProductSuffixes)
	}
	p.types = newTypes(r)

	// How the product authorizes: a few service-level products (every API on "*"),
	// one in 25 at fixed places so that a small corpus has one too; some
	// operation-level only; the rest mixed with more or fewer resource-level APIs.
	share := 0 // percentage of resource-level APIs
	switch k := r.IntN(100); {
	case i%25 == 12:
		share = -1
	case k < 10:
		share = 0
	case k < 38:
		share = 85
	default:
		share = 45
	}
	byCat := [4][]action{}
	seen := map[string]bool{}
	for len(seen) < actions {
		a := newAction(r, p, share)
		if seen[a.name] {
			continue
		}
		seen[a.name] = true
		byCat[a.cat] = append(byCat[a.cat], a)
	}
	p.granularity = finest(byCat)
	if r.IntN(10) == 0 && p.granularity == granResource {
		// As on the ccc page: the page-level granularity lags behind the APIs.
		p.granularity = granOperation
	}
	order := []category{catWrite, catOther, catRead, catList}
	if r.IntN(2) == 0 {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	for _, c := range order {
		if len(byCat[c]) == 0 {
			continue
		}
		as := byCat[c]
		slices.SortFunc(as, func(a, b action) int { return strings.Compare(a.name, b.name) })
		p.sections = append(p.sections, section{cat: c, actions: as})
	}
	return p
}

func newTypes(r *rand.Rand) []resType {
	var types []resType
	for _, j := range r.Perm(len(ownTypes))[:1+r.IntN(3)] {
		t := ownTypes[j]
		types = append(types, resType{typ: t.typ, id: t.id, region: r.IntN(7) > 0, account: r.IntN(20) > 0})
	}
	if r.IntN(3) == 0 {
		for _, j := range r.Perm(len(foreignTypes))[:1+r.IntN(2)] {
			t := foreignTypes[j]
			types = append(types, resType{service: t.service, typ: t.typ, id: t.id, region: t.service != "cam", account: true})
		}
	}
	return types
}

// own counts the product's own types, which come first in types.
func own(types []resType) int {
	n := 0
	for _, t := range types {
		if t.service == "" {
			n++
		}
	}
	return n
}

func newAction(r *rand.Rand, p *product, share int) action {
	v := pick(r, verbs)
	if r.IntN(400) == 0 && v.name == "Describe" {
		v.name = "Descibe" // a vendor typo, kept as the API is spelt
	}
	n := pick(r, nouns)
	var b strings.Builder
	b.WriteString(v.name)
	if r.IntN(6) == 0 {
		b.WriteString(pick(r, acronyms))
	}
	b.WriteString(n.name)
	zh, en := v.zh+n.zh, v.en+" "+n.en
	a := action{cat: v.cat}
	if r.IntN(2) == 0 {
		s := suffixes[r.IntN(len(suffixes))]
		b.WriteString(s.name)
		zh += s.zh
		if s.name == "s" {
			en = v.en + " " + plural(n.en)
		} else {
			en += s.en
		}
		if s.list && a.cat == catRead {
			a.cat = catList
		}
	}
	a.name = b.String()
	a.desc = description(r, p.english, zh, en)

	switch {
	case share < 0:
		a.gran = granService
	case r.IntN(100) < share:
		a.gran = granResource
	default:
		a.gran = granOperation
	}
	if a.gran == granResource {
		nOwn := own(p.types)
		main := p.types[r.IntN(nOwn)]
		// A list API is often written on every resource of the type.
		a.resources = append(a.resources, main.pattern(r, p.short, a.cat == catList && r.IntN(3) == 0))
		if nOwn > 1 && r.IntN(4) == 0 {
			second := p.types[(slices.Index(p.types, main)+1)%nOwn]
			a.resources = append(a.resources, second.pattern(r, p.short, false))
		}
		if len(p.types) > nOwn && r.IntN(5) == 0 {
			a.resources = append(a.resources, p.types[nOwn+r.IntN(len(p.types)-nOwn)].pattern(r, p.short, false))
		}
	} else {
		a.resources = []string{"*"}
		if a.gran == granOperation && r.IntN(200) == 0 {
			// A vendor slip lint reports: an operation-level API with a specific resource.
			a.resources = []string{p.types[0].pattern(r, p.short, false)}
		}
	}
	a.ip = p.ip
	if r.IntN(8) == 0 {
		a.ip = pick(r, []support{supported, unsupported, partial})
	}
	return a
}

// description is short, medium or long, as on real pages; a few are empty.
func description(r *rand.Rand, english bool, zh, en string) string {
	if r.IntN(100) == 0 {
		return ""
	}
	clauses := 0
	switch k := r.IntN(10); {
	case k < 4:
	case k < 8:
		clauses = 1 + r.IntN(2)
	default:
		clauses = 3 + r.IntN(4)
	}
	var b strings.Builder
	if english {
		b.WriteString(en)
		for range clauses {
			b.WriteString(pick(r, enClauses))
		}
		b.WriteString(".")
	} else {
		b.WriteString(zh)
		for range clauses {
			b.WriteString(pick(r, zhClauses))
		}
		if r.IntN(3) > 0 {
			b.WriteString("。")
		}
	}
	return b.String()
}

// pattern spells a six-segment pattern of t the way pages vary it: $region,
// ${Region}, {$Id}, an account left empty.
func (t resType) pattern(r *rand.Rand, short string, wildcard bool) string {
	service := t.service
	if service == "" {
		service = short
	}
	region := ""
	if t.region {
		region = pickWeighted(r, []string{"${region}", "$region", "${Region}", "{$region}"}, []int{80, 8, 8, 4})
	}
	account := ""
	if t.account {
		account = pickWeighted(r, []string{"uin/${uin}", "uin/$uin", "uin/"}, []int{96, 3, 1})
	}
	id := "*"
	if !wildcard {
		id = pickWeighted(r, []string{"${" + t.id + "}", "{$" + t.id + "}", "$" + t.id}, []int{85, 10, 5})
	}
	return "qcs::" + service + ":" + region + ":" + account + ":" + t.typ + "/" + id
}

// finest is the page-level granularity CAM gives a product: the finest of its APIs.
func finest(byCat [4][]action) granularity {
	g := granService
	for _, as := range byCat {
		for _, a := range as {
			g = max(g, a.gran)
		}
	}
	return g
}

// plural turns "a topic" into "topics", "a policy" into "policies".
func plural(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "a "), "an ")
	if strings.HasSuffix(s, "y") && !strings.HasSuffix(s, "ey") {
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func pickWeighted[T any](r *rand.Rand, xs []T, weights []int) T {
	total := 0
	for _, w := range weights {
		total += w
	}
	k := r.IntN(total)
	for i, w := range weights {
		if k < w {
			return xs[i]
		}
		k -= w
	}
	return xs[len(xs)-1]
}
