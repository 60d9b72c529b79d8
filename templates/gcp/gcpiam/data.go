package gcpiam

// permRec is one permission of the catalog; names and deny names are
// concatenated in permNames and denyNames, each record holding where its own
// ends (it starts where the previous one ends).
type permRec struct {
	end       uint32 // end of the name in permNames
	prefixLen uint8  // the name's prefix: name[:prefixLen]
	verbLen   uint8  // the name's verb: name[len-verbLen:]
	support   Support
	page      uint16 // 1-based index into pageEnds; 0: no page has the row
	denyEnd   uint32 // end of the deny-policy name in denyNames; empty: not deniable
	line      uint32 // the row's line in its page
}

// roleRec is one role; its strings are concatenated like permRec's.
type roleRec struct {
	idEnd, titleEnd, descEnd, resEnd, permsEnd uint32
	count                                      uint16 // permissions
	flags                                      uint8
	page                                       uint16
	line                                       uint32
}

// The role flags.
const (
	flagBeta uint8 = 1 << iota
	flagServiceAgent
	flagBasic
	flagRow // the role has its own row (its permission list is complete)
)

func permName(i int) string {
	start := uint32(0)
	if i > 0 {
		start = permRecs[i-1].end
	}
	return permNames[start:permRecs[i].end]
}

func roleField(i int, s string, end func(*roleRec) uint32) string {
	start := uint32(0)
	if i > 0 {
		start = end(&roleRecs[i-1])
	}
	return s[start:end(&roleRecs[i])]
}

func pageName(p uint16) string {
	if p == 0 {
		return ""
	}
	start := uint32(0)
	if p > 1 {
		start = pageEnds[p-2]
	}
	return pageNames[start:pageEnds[p-1]]
}
