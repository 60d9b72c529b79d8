package tencentcam

import "strings"

// parts splits a cell holding several values; nil when it holds one or none, as
// model.Field.Parts wants. Line breaks from <br> and blocks are white space here.
func parts(text string) []string {
	p := strings.Fields(text)
	if len(p) < 2 {
		return nil
	}
	return p
}
