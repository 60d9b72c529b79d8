package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wide has an AWS013 suggestion (s3:Get* grants several actions) and an
// AWS023 warning ("*" for actions that take resources).
const wide = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}`

func lintCodes(t *testing.T, args ...string) ([]string, int) {
	t.Helper()
	out, errOut, code := runAWSPolicy(t, wide, append(append([]string{"lint"}, args...), "-format", "json", "-")...)
	var fs []struct{ Code string }
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("%v: %v\n%s%s", args, err, out, errOut)
	}
	var codes []string
	for _, f := range fs {
		codes = append(codes, f.Code)
	}
	return codes, code
}

func TestPolicyLintAWSFilters(t *testing.T) {
	withFakeAWS(t)
	if codes, code := lintCodes(t); strings.Join(codes, " ") != "AWS013 AWS023" || code != 1 {
		t.Fatalf("unfiltered: %v exit %d", codes, code)
	}
	if codes, _ := lintCodes(t, "-severity", "warning"); strings.Join(codes, " ") != "AWS023" {
		t.Errorf("-severity warning: %v", codes)
	}
	if codes, code := lintCodes(t, "-ignore", "AWS013,AWS023"); len(codes) != 0 || code != 0 {
		t.Errorf("-ignore: %v exit %d", codes, code)
	}
	dir := t.TempDir()
	sup := filepath.Join(dir, "suppress.json")
	os.WriteFile(sup, []byte(`{"suppressions":[{"code":"AWS023","path":"Statement[0]*","reason":"a read-only role for auditors"}]}`), 0o644)
	if codes, _ := lintCodes(t, "-suppress", sup); strings.Join(codes, " ") != "AWS013" {
		t.Errorf("-suppress: %v", codes)
	}
	// A suppression without a reason is refused: a suppression says why.
	os.WriteFile(sup, []byte(`{"suppressions":[{"code":"AWS023","path":"Statement[0]"}]}`), 0o644)
	_, errOut, code := runAWSPolicy(t, wide, "lint", "-suppress", sup, "-")
	if code != 2 || !strings.Contains(errOut, "suppressions[0]: no reason") {
		t.Errorf("suppression without reason: exit %d %s", code, errOut)
	}
	_, errOut, code = runAWSPolicy(t, wide, "lint", "-severity", "loud", "-")
	if code != 2 || !strings.Contains(errOut, "-severity") {
		t.Errorf("bad -severity: exit %d %s", code, errOut)
	}
}

// TestPolicyLintAWSSARIF: "-format sarif" writes SARIF 2.1.0 with a rule per code
// and a result per finding, levels error, warning and note.
func TestPolicyLintAWSSARIF(t *testing.T) {
	withFakeAWS(t)
	out, _, code := runAWSPolicy(t, wide, "lint", "-format", "sarif", "-")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID, Level string
				Locations     []struct {
					LogicalLocations []struct{ FullyQualifiedName string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 2 || len(log.Runs[0].Tool.Driver.Rules) != 2 {
		t.Fatalf("%s", out)
	}
	r := log.Runs[0].Results
	if r[0].RuleID != "AWS013" || r[0].Level != "note" || r[1].RuleID != "AWS023" || r[1].Level != "warning" ||
		r[1].Locations[0].LogicalLocations[0].FullyQualifiedName != "Statement[0].Resource[0]" {
		t.Errorf("%s", out)
	}
}
