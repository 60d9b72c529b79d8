package aws

import (
	"encoding/json"
	"io"
	"sort"

	"github.com/permgen/permgen/templates/aws/iampolicy"
)

// SARIF 2.1.0, the subset code-scanning tools read: one run, a rule per code,
// a result per finding with the file and the finding's JSON path as a logical
// location (policies carry no line numbers the linter keeps).
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
}

// sarifLevel maps severities to SARIF's three levels: errors and security
// warnings fail a scan, warnings warn, suggestions are notes.
func sarifLevel(s iampolicy.Severity) string {
	switch s {
	case iampolicy.SeverityError, iampolicy.SeveritySecurityWarning:
		return "error"
	case iampolicy.SeverityWarning:
		return "warning"
	}
	return "note"
}

func writeSARIF(w io.Writer, file string, findings []iampolicy.Finding) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "permgen policy lint",
		InformationURI: "https://github.com/permgen/permgen/blob/main/docs/aws-lint.md"}}, Results: []sarifResult{}}
	rules := map[string]bool{}
	for _, f := range findings {
		rules[f.Code] = true
		text := f.Message
		if f.Fix != "" {
			text += " (fix: " + f.Fix + ")"
		}
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: file}, Region: sarifRegion{StartLine: 1}}}
		if f.Path != "" {
			loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: f.Path}}
		}
		run.Results = append(run.Results, sarifResult{RuleID: f.Code, Level: sarifLevel(f.Severity),
			Message: sarifMessage{Text: f.Severity.String() + ": " + text}, Locations: []sarifLocation{loc}})
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: id, ShortDescription: sarifMessage{Text: iampolicy.CodeTitle(id)}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}
