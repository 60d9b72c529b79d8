package main

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestReadmeCLITableMatchesHelp (issue 18): the README's command table names, for
// each command, exactly the flags its -h lists, so neither can drift from the other.
func TestReadmeCLITableMatchesHelp(t *testing.T) {
	section := readmeSection(t, "The command line")
	flagRe := regexp.MustCompile("`(-[a-z][a-z-]*)")
	helpRe := regexp.MustCompile(`(?m)^  (-[a-z][a-z-]*)`)
	rows := 0
	flagsOf := map[string][]string{}
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.ReplaceAll(line, `\|`, "/"), " | ")
		if len(cells) < 4 {
			t.Fatalf("table row with %d cells: %s", len(cells), line)
		}
		cmd := strings.Trim(strings.TrimPrefix(cells[0], "| "), "`")
		var words []string
		for _, w := range strings.Fields(cmd) {
			if strings.HasPrefix(w, "-") || strings.HasPrefix(w, "[") || strings.ToUpper(w) == w {
				break
			}
			words = append(words, w)
		}
		var readme []string
		if m := regexp.MustCompile("^as `([a-z]+)`$").FindStringSubmatch(cells[1]); m != nil {
			readme = flagsOf[m[1]]
		} else {
			// Flags in the command's own cell (-request) and in the flags cell.
			for _, m := range regexp.MustCompile(`(?:^| )(-[a-z][a-z-]*)`).FindAllStringSubmatch(cmd, -1) {
				readme = append(readme, m[1])
			}
			for _, m := range flagRe.FindAllStringSubmatch(cells[1], -1) {
				readme = append(readme, m[1])
			}
		}
		flagsOf[strings.Join(words, " ")] = readme
		_, _, stderr := runGen(t, append(words, "-h")...)
		var help []string
		for _, m := range helpRe.FindAllStringSubmatch(stderr, -1) {
			help = append(help, m[1])
		}
		sort.Strings(readme)
		sort.Strings(help)
		if strings.Join(readme, " ") != strings.Join(help, " ") {
			t.Errorf("%s: the README names flags %v, -h lists %v", strings.Join(words, " "), readme, help)
		}
		rows++
	}
	if rows < 9 {
		t.Errorf("the README's command table has %d rows, want every command", rows)
	}
}
