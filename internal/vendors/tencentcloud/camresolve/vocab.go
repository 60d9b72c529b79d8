package camresolve

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

// vocab maps the spellings a vendor uses for one closed set of values, in Chinese and
// English, to the model's values. The first spelling of each value is the one error
// messages list.
type vocab[T comparable] struct {
	what    string // "granularity", used in messages
	entries []vocabEntry[T]
	keys    map[string]T // resolve.Key(spelling) -> value, so that lookup folds only its argument
}

func newVocab[T comparable](what string, entries []vocabEntry[T]) vocab[T] {
	v := vocab[T]{what: what, entries: entries, keys: map[string]T{}}
	for _, e := range entries {
		for _, sp := range e.spellings {
			if _, dup := v.keys[resolve.Key(sp)]; !dup {
				v.keys[resolve.Key(sp)] = e.value
			}
		}
	}
	return v
}

type vocabEntry[T comparable] struct {
	value     T
	spellings []string
}

func (v vocab[T]) lookup(s string) (T, bool) {
	t, ok := v.keys[resolve.Key(s)]
	return t, ok
}

// known lists the canonical spellings for error messages.
func (v vocab[T]) known() string {
	var names []string
	for _, e := range v.entries {
		names = append(names, e.spellings[0])
	}
	return strings.Join(names, ", ")
}

// parse maps f's text, or returns an error at f's position that lists what is known.
func (v vocab[T]) parse(f model.Field) (T, error) {
	if t, ok := v.lookup(f.Text); ok {
		return t, nil
	}
	var zero T
	return zero, model.Errorf(f.Pos, "unknown %s %q; known: %s", v.what, resolve.Text(f.Text), v.known())
}

var granularities = newVocab("granularity", []vocabEntry[model.Granularity]{
	{model.ServiceLevel, []string{"服务级", "Service level", "Service-level"}},
	{model.OperationLevel, []string{"操作级", "Operation level", "Operation-level", "API level"}},
	{model.ResourceLevel, []string{"资源级", "Resource level", "Resource-level"}},
})

var supports = newVocab("support value", []vocabEntry[model.Support]{
	{model.Supported, []string{"支持", "Supported", "Yes", "是"}},
	{model.Unsupported, []string{"不支持", "Not supported", "Unsupported", "No", "否"}},
	{model.PartiallySupported, []string{"部分支持", "Partially supported", "Partial"}},
})

var categories = newVocab("section", []vocabEntry[model.Category]{
	{model.Write, []string{"写操作", "Write operations", "Write operation", "Write"}},
	{model.Read, []string{"读操作", "Read operations", "Read operation", "Read"}},
	{model.List, []string{"列表操作", "List operations", "List operation", "List"}},
	{model.Other, []string{"其他操作", "Other operations", "Other operation", "Other"}},
})

// category maps a section heading; an unknown heading is kept as model.Unknown with a
// warning, because a vendor adding a section is news, not an error.
func category(t model.Table) (model.Category, *model.Diagnostic) {
	if c, ok := categories.lookup(t.Heading); ok {
		return c, nil
	}
	return model.Unknown, &model.Diagnostic{
		Pos:  t.Pos,
		Code: "unknown-section",
		Msg:  fmt.Sprintf("section %q is not one of %s; its actions get category %q", resolve.Text(t.Heading), categories.known(), model.Unknown),
	}
}
