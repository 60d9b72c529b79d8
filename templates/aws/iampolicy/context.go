package iampolicy

import "strings"

// Context holds the request's condition keys and their values. Key names are
// matched without regard to case, as IAM does; values keep their case.
type Context struct {
	entries []ContextEntry
}

// ContextEntry is one condition key of a request. Multi marks a multivalued key
// (given as a list, e.g. aws:TagKeys), which only set operators can test.
type ContextEntry struct {
	Key    string
	Values []string
	Multi  bool
}

// Set gives a single-valued key its value, replacing any earlier one.
func (c *Context) Set(key, value string) *Context {
	c.put(ContextEntry{Key: key, Values: []string{value}})
	return c
}

// SetList gives a multivalued key its values (possibly none).
func (c *Context) SetList(key string, values ...string) *Context {
	c.put(ContextEntry{Key: key, Values: append([]string{}, values...), Multi: true})
	return c
}

func (c *Context) put(e ContextEntry) {
	for k := range c.entries {
		if strings.EqualFold(c.entries[k].Key, e.Key) {
			c.entries[k] = e
			return
		}
	}
	c.entries = append(c.entries, e)
}

// Entries returns the keys in the order they were set.
func (c *Context) Entries() []ContextEntry {
	if c == nil {
		return nil
	}
	return c.entries
}

// Get returns the values of a key and whether the request has it.
func (c *Context) Get(key string) ([]string, bool) {
	e := c.lookup(key)
	if e == nil {
		return nil, false
	}
	return e.Values, true
}

func (c *Context) lookup(key string) *ContextEntry {
	if c == nil {
		return nil
	}
	for k := range c.entries {
		if strings.EqualFold(c.entries[k].Key, key) {
			return &c.entries[k]
		}
	}
	return nil
}
