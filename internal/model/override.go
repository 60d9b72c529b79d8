package model

import "fmt"

// Override corrects one known error in a vendor page. It is never applied silently:
// it must say why, the corrected anomaly is still reported by lint (with the reason),
// and an override that matches nothing is reported so that it is removed once the
// vendor fixes its page. It lives in the model, not in resolve, so that reading the
// sources folder does not link the resolver.
type Override struct {
	File   string `json:"file"`   // page path below the sources folder, "tencentcloud/ccc.html"
	Row    string `json:"row"`    // the row's name: API name or scope
	Field  string `json:"field"`  // a Key* constant: the column of the row it corrects
	From   string `json:"from"`   // the value as found (after normalization), or one part of a multi-value cell
	To     string `json:"to"`     // the corrected value
	Reason string `json:"reason"` // why, for the reader of lint and of the generated docs
}

func (o Override) String() string {
	return fmt.Sprintf("%s row %s field %s: %q -> %q", o.File, o.Row, o.Field, o.From, o.To)
}
