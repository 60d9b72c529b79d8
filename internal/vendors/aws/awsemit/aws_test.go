package awsemit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/history"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/naming"
	"github.com/permgen/permgen/internal/vendors/all"
	"github.com/permgen/permgen/internal/vendors/aws/awsemit"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
	"github.com/permgen/permgen/internal/write"
)

const awsRoot = "example.com/out"

// awsFixture is a small resolved AWS tree: S3 with the shapes that matter
// (required and optional resource types, templated keys, global keys, an action
// with no resource type, hostile text), IAM (whose prefix meets the runtime's
// package name) and a prefix with a hyphen.
func awsFixture() []*model.Service {
	src := func(page string) model.Source {
		return model.Source{Vendor: "aws", Format: model.FormatAWSSAR, Path: "aws/" + page, File: "sources/aws/" + page}
	}
	s3 := &model.Service{Kind: model.FormatAWSSAR, Source: src("list_amazons3.html"), Name: "Amazon S3", ShortName: "s3",
		Actions: []model.Action{
			{Name: "CreateJob", Description: "Grants permission to create a batch job", AccessLevel: "Write",
				ConditionKeys: []string{"s3:authType"}, DependentActions: []string{"iam:PassRole"}, Pos: model.Pos{File: "sources/aws/list_amazons3.html", Table: "Actions", Row: 3}},
			{Name: "GetObject", Description: "Grants permission to retrieve objects from Amazon S3 */ `x`\nnext", AccessLevel: "Read",
				DocURL: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html", Operation: "GetObject",
				ResourceTypes: []model.ActionResourceType{{Name: "object", Required: true, ConditionKeys: []string{"s3:ExistingObjectTag/<key>"}}},
				ConditionKeys: []string{"aws:ResourceTag/${TagKey}", "s3:authType", "s3:max-keys"}, Pos: model.Pos{File: "sources/aws/list_amazons3.html", Table: "Actions", Row: 40}},
			{Name: "ListBucket", Description: "Grants permission to list some or all of the objects in an Amazon S3 bucket", AccessLevel: "List",
				ResourceTypes: []model.ActionResourceType{{Name: "bucket", Required: true}}},
			{Name: "PutAccessPointPolicy", Description: "Grants permission to associate an access policy with a specified access point", AccessLevel: "Permissions management",
				ResourceTypes: []model.ActionResourceType{{Name: "accesspoint", Required: true}, {Name: "object", DependentActions: []string{"s3:GetObject"}}}},
			{Name: "PutObjectTagging", Description: "Grants permission to set the supplied tag-set to an object that already exists in a bucket", AccessLevel: "Tagging",
				ResourceTypes: []model.ActionResourceType{{Name: "object", Required: true}}},
			{Name: "getLegacy", Description: "", AccessLevel: "Read"},
		},
		ResourceTypes: []model.ResourceType{
			{Service: "s3", Name: "accesspoint", Pattern: "arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}", Placeholders: []string{"Region", "Account", "AccessPointName"}},
			{Service: "s3", Name: "bucket", Pattern: "arn:${Partition}:s3:::${BucketName}", Placeholders: []string{"BucketName"}},
			{Service: "s3", Name: "object", Pattern: "arn:${Partition}:s3:::${BucketName}/${ObjectName}", Placeholders: []string{"BucketName", "ObjectName"}, ConditionKeys: []string{"s3:authType"}},
			{Service: "s3", Name: "weird", Pattern: "not an arn ${X}", Placeholders: []string{"X"}},
		},
		ConditionKeys: []model.ConditionKey{
			{Name: "aws:RequestTag/${TagKey}", Description: "Filters access by the tags that are passed in the request", Type: "String"},
			{Name: "aws:ResourceTag/${TagKey}", Description: "Filters access by the tags associated with the resource", Type: "String"},
			{Name: "aws:TagKeys", Description: "Filters access by the tag keys that are passed in the request", Type: "ArrayOfString"},
			{Name: "s3:ExistingObjectTag/<key>", Description: "Filters access by an existing object tag key and value", Type: "String"},
			{Name: "s3:authType", Description: "Filters access by authentication method", Type: "String"},
			{Name: "s3:max-keys", Description: "Filters access by maximum number of keys", Type: "Numeric"},
		},
	}
	iamSvc := &model.Service{Kind: model.FormatAWSSAR, Source: src("list_awsidentityandaccessmanagementiam.html"), Name: "AWS Identity and Access Management (IAM)", ShortName: "iam",
		Actions: []model.Action{{Name: "PassRole", Description: "Grants permission to pass a role to a service", AccessLevel: "Write",
			ResourceTypes: []model.ActionResourceType{{Name: "role", Required: true}}, ConditionKeys: []string{"iam:PassedToService"}}},
		ResourceTypes: []model.ResourceType{{Service: "iam", Name: "role", Pattern: "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", Placeholders: []string{"Account", "RoleNameWithPath"}}},
		ConditionKeys: []model.ConditionKey{{Name: "iam:PassedToService", Description: "Filters access by the AWS service to which this role is passed", Type: "String"},
			{Name: "aws:RequestTag/${TagKey}", Description: "another page's words", Type: "String"}},
	}
	agent := &model.Service{Kind: model.FormatAWSSAR, Source: src("list_amazonbedrockagentcore.html"), Name: "Amazon Bedrock AgentCore", ShortName: "bedrock-agentcore",
		Actions: []model.Action{{Name: "InvokeAgentRuntime", Description: "Grants permission to invoke an agent runtime", AccessLevel: "Write"}}}
	return []*model.Service{s3, iamSvc, agent}
}

// renderAWS lays out and renders an AWS tree as the vendor does: every service
// package, then what they share.
func renderAWS(svcs []*model.Service) ([]write.File, error) {
	pkgs, err := awsresolve.Layout(svcs, awsRoot)
	if err != nil {
		return nil, err
	}
	var files []write.File
	for _, p := range pkgs {
		fs, err := awsemit.Package(p)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	tree, err := awsemit.Tree(pkgs)
	return append(files, tree...), err
}

func awsFiles(t *testing.T) []write.File {
	t.Helper()
	files, err := renderAWS(awsFixture())
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestAWSLayout(t *testing.T) {
	have := map[string]bool{}
	for _, f := range awsFiles(t) {
		have[f.Path] = true
	}
	for _, want := range []string{
		"aws/s3/s3.go", "aws/s3/s3_tables.go", "aws/s3/s3.json", "aws/s3/README.md",
		"aws/iamservice/iamservice.go", // prefix "iam" meets the runtime package
		"aws/bedrockagentcore/bedrockagentcore.go",
		"aws/iam/action.go", "aws/iam/keytypes.go", "aws/iamarn/arn.go", "aws/global/global.go", "aws/catalog/catalog.go",
	} {
		if !have[want] {
			t.Errorf("no %s", want)
		}
	}
	if have["aws/iam/fixture.go"] || have["aws/iam/iam_test.go"] {
		t.Error("the template's fixture or tests were copied")
	}
}

func TestAWSPackageNames(t *testing.T) {
	got := naming.AWSPackageNames([]string{"s3", "bedrock-agentcore", "iam", "ab", "a-b", "catalog", "1x", "go"})
	for prefix, want := range map[string]string{
		"s3": "s3", "bedrock-agentcore": "bedrockagentcore", "iam": "iamservice", "a-b": "ab", "ab": "ab2",
		"catalog": "catalogservice", "1x": "p1x", "go": "pgo",
	} {
		if got[prefix] != want {
			t.Errorf("%s -> %s, want %s", prefix, got[prefix], want)
		}
	}
}

func TestAWSDeterministic(t *testing.T) {
	a, b := awsFiles(t), awsFiles(t)
	if len(a) != len(b) {
		t.Fatal("file counts differ")
	}
	for i := range a {
		if a[i].Path != b[i].Path || string(a[i].Data) != string(b[i].Data) {
			t.Fatalf("%s differs between runs", a[i].Path)
		}
	}
}

// TestAWSCompiles writes the tree into a module with a test that uses the
// generated API as a user would, and runs go vet and go test on it.
func TestAWSCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := t.TempDir()
	files := append(awsFiles(t), write.File{Path: "go.mod", Data: []byte("module " + awsRoot + "\n\ngo 1.26\n")},
		write.File{Path: "use/use_test.go", Data: []byte(awsUseTest)})
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

const awsUseTest = `package use

import (
	"encoding/json"
	"strings"
	"testing"

	"example.com/out/aws/catalog"
	"example.com/out/aws/global"
	"example.com/out/aws/iam"
	"example.com/out/aws/iamarn"
	"example.com/out/aws/iamservice"
	"example.com/out/aws/s3"
)

func TestUse(t *testing.T) {
	a := s3.ActionGetObject
	if a.String() != "s3:GetObject" {
		t.Errorf("String = %q", a)
	}
	i := a.Info()
	if i.AccessLevel != iam.Read || i.Operation != "GetObject" || !strings.HasPrefix(i.Description, "Grants permission to retrieve") || !strings.Contains(i.Description, "*/ ` + "`x`" + `\nnext") {
		t.Errorf("Info = %+v", i)
	}
	r, ok := i.ResourceTypes.Find("object")
	if !ok || !r.Required || !r.ConditionKeys.Contains("s3:ExistingObjectTag/<key>") {
		t.Errorf("resource types %q", i.ResourceTypes)
	}
	if !i.ConditionKeys.Contains(s3.ConditionKeyAuthType) || i.ConditionKeys.Len() != 3 {
		t.Errorf("keys %q", i.ConditionKeys)
	}
	if !s3.ActionCreateJob.Info().WildcardOnly() || s3.ActionCreateJob.Info().DependentActions.At(0) != "iam:PassRole" {
		t.Error("CreateJob")
	}
	if got := s3.ReadActions(); len(got) != 2 || got[0] != s3.ActionGetObject || got[1] != s3.ActionGetLegacy {
		t.Errorf("ReadActions = %v", got)
	}
	if len(s3.WriteActions()) != 1 || len(s3.ListActions()) != 1 || len(s3.TaggingActions()) != 1 || s3.PermissionsManagementActions()[0] != s3.ActionPutAccessPointPolicy {
		t.Error("level functions")
	}
	if len(s3.Actions()) != 6 || s3.Actions()[0] != s3.ActionCreateJob {
		t.Error("Actions")
	}
	for in, want := range map[string]s3.Action{"s3:GetObject": s3.ActionGetObject, "GetObject": s3.ActionGetObject, "S3:getobject": s3.ActionGetObject, "s3:getLegacy": s3.ActionGetLegacy, "s3:GETLEGACY": s3.ActionGetLegacy} {
		if got, err := s3.ParseAction(in); err != nil || got != want {
			t.Errorf("ParseAction(%q) = %v, %v", in, got, err)
		}
	}
	_, err := s3.ParseAction("s3:GetObjet")
	if err == nil || !strings.Contains(err.Error(), "did you mean s3:GetObject?") {
		t.Errorf("ParseAction(GetObjet) error = %v", err)
	}
	b, err := json.Marshal([]s3.Action{s3.ActionGetObject})
	if err != nil || string(b) != ` + "`" + `["s3:GetObject"]` + "`" + ` {
		t.Errorf("marshal %s %v", b, err)
	}
	var back []s3.Action
	if err := json.Unmarshal(b, &back); err != nil || back[0] != s3.ActionGetObject {
		t.Errorf("unmarshal %v %v", back, err)
	}
	if _, err := json.Marshal(s3.Action(0)); err == nil {
		t.Error("zero Action marshalled")
	}
	// What the methods did before their code moved into iam.ActionTable.
	if s3.Action(0).String() != "Action(0)" || s3.Action(7).String() != "Action(7)" || s3.Action(7).Valid() || s3.Action(7).Info().Valid() {
		t.Errorf("invalid actions: %q %q %v", s3.Action(0), s3.Action(7), s3.Action(7).Info())
	}
	keep := s3.ActionCreateJob
	if err := keep.UnmarshalText([]byte("s3:Nope")); err == nil || keep != s3.ActionCreateJob {
		t.Errorf("UnmarshalText(s3:Nope) = %v, left %v", err, keep)
	}
	rts := s3.ResourceTypes()
	rts[0].Name = "changed"
	if s3.ResourceTypes()[0].Name == "changed" {
		t.Error("ResourceTypes returned the table itself")
	}

	arn := s3.ObjectARN("my-bucket", "photos/cat.png")
	if arn.String() != "arn:aws:s3:::my-bucket/photos/cat.png" {
		t.Errorf("ObjectARN = %q (%v)", arn, arn.Err())
	}
	if got := arn.In(iamarn.PartitionChina).String(); got != "arn:aws-cn:s3:::my-bucket/photos/cat.png" {
		t.Errorf("In = %q", got)
	}
	if s3.ObjectARN("", "k").Err() == nil || s3.ObjectARN("", "k").String() != "" {
		t.Error("empty bucket accepted")
	}
	if got := s3.AccesspointARN("us-east-1", "123456789012", "ap").String(); got != "arn:aws:s3:us-east-1:123456789012:accesspoint/ap" {
		t.Errorf("AccesspointARN = %q", got)
	}
	if got := iamservice.RoleARN("123456789012", "team/Admin").String(); got != "arn:aws:iam::123456789012:role/team/Admin" {
		t.Errorf("RoleARN = %q", got)
	}
	if s3.ConditionKeyAuthType != "s3:authType" || s3.ConditionKeyAuthType.Type() != iam.TypeString {
		t.Error("ConditionKeyAuthType")
	}
	if k := s3.ConditionKeyExistingObjectTag("team"); k != "s3:ExistingObjectTag/team" || k.Type() != iam.TypeString {
		t.Errorf("ConditionKeyExistingObjectTag = %q %v", k, k.Type())
	}
	if s3.ConditionKeyMaxKeys.Type() != iam.TypeNumeric || global.ConditionKeyTagKeys.Type() != iam.TypeArrayOfString {
		t.Error("key types")
	}
	if k := global.ConditionKeyRequestTag("team"); k != "aws:RequestTag/team" || k.Type() != iam.TypeString {
		t.Errorf("global.ConditionKeyRequestTag = %q", k)
	}
	if len(s3.ConditionKeys()) != 6 || len(s3.ResourceTypes()) != 4 {
		t.Error("ConditionKeys/ResourceTypes")
	}
	if rt, ok := s3.LookupResourceType("object"); !ok || rt.ARN != "arn:${Partition}:s3:::${BucketName}/${ObjectName}" {
		t.Error("LookupResourceType")
	}

	if info, ok := catalog.LookupAction("iam:passrole"); !ok || info.Name != "PassRole" || info.AccessLevel != iam.Write {
		t.Errorf("catalog.LookupAction = %+v %v", info, ok)
	}
	if _, ok := catalog.LookupAction("s3:Nope"); ok {
		t.Error("catalog found s3:Nope")
	}
	if got := catalog.ResourceTypesOf("arn:aws:s3:::my-bucket/photos/cat.png"); len(got) != 1 || got[0].Name != "object" {
		t.Errorf("ResourceTypesOf(object) = %v", got)
	}
	if got := catalog.ResourceTypesOf("arn:aws:s3:::my-bucket"); len(got) != 1 || got[0].Name != "bucket" {
		t.Errorf("ResourceTypesOf(bucket) = %v", got)
	}
	if got := catalog.MatchActions("s3:Put*"); len(got) != 2 {
		t.Errorf("MatchActions = %v", got)
	}
	if catalog.NumActions() != 8 || len(catalog.Prefixes()) != 3 {
		t.Errorf("catalog counts %d %v", catalog.NumActions(), catalog.Prefixes())
	}
}

func TestAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = s3.ActionGetObject.Info() }); n != 0 {
		t.Errorf("Info allocates %v", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = s3.ParseAction("s3:PutObjectTagging") }); n != 0 {
		t.Errorf("ParseAction allocates %v", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = catalog.LookupAction("s3:PutObjectTagging") }); n != 0 {
		t.Errorf("LookupAction allocates %v", n)
	}
}
`

// TestAWSDump writes the fixture tree to $PERMGEN_AWS_DUMP for a look by eye.
func TestAWSDump(t *testing.T) {
	dir := os.Getenv("PERMGEN_AWS_DUMP")
	if dir == "" {
		t.Skip("PERMGEN_AWS_DUMP not set")
	}
	for _, f := range awsFiles(t) {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, f.Data, 0o644)
	}
}

func TestAWSConditionKeyIdent(t *testing.T) {
	for key, want := range map[string]string{
		"s3:authType":                "ConditionKeyAuthType",
		"s3:x-amz-acl":               "ConditionKeyXAmzAcl",
		"s3:ExistingObjectTag/<key>": "ConditionKeyExistingObjectTag(key)",
		"aws:RequestTag/${TagKey}":   "ConditionKeyAwsRequestTag(tagKey)",
		"ec2messages:Foo":            "ConditionKeyEc2messagesFoo",
		"codebuild:fileSystemLocations/${identifier}.type": "ConditionKeyFileSystemLocationsType(identifier)",
	} {
		prefix := "s3"
		if strings.HasPrefix(key, "codebuild:") {
			prefix = "codebuild"
		}
		g := awsresolve.ConditionKey(prefix, key)
		got := g.Ident
		if len(g.Params) > 0 {
			got += "(" + strings.Join(g.Params, ", ") + ")"
		}
		if got != want {
			t.Errorf("%s: %s, want %s", key, got, want)
		}
	}
}

// TestAWSDeprecation: an AWS action that vanishes from its page is kept by the
// shared history, marked Deprecated in its doc comment (where staticcheck finds
// it) and in Info().Deprecated; and the regression guard refuses losing most of a
// service at once, as for Tencent.
func TestAWSDeprecation(t *testing.T) {
	prev := awsFixture()
	fresh := awsFixture()
	s3 := fresh[0]
	s3.Actions = append(s3.Actions[:1:1], s3.Actions[2:]...) // GetObject vanished
	if err := history.Apply(prev, fresh, history.Options{Today: "2026-01-02", Vendors: all.Vendors}); err != nil {
		t.Fatal(err)
	}
	files, err := renderAWS(fresh)
	if err != nil {
		t.Fatal(err)
	}
	var api, tables string
	for _, f := range files {
		switch f.Path {
		case "aws/s3/s3.go":
			api = string(f.Data)
		case "aws/s3/s3_tables.go":
			tables = string(f.Data)
		}
	}
	want := "removed from sources/aws/list_amazons3.html on 2026-01-02"
	if !strings.Contains(api, "\t// Deprecated: "+want+".\n\tActionGetObject Action = 2") {
		t.Errorf("no Deprecated paragraph on ActionGetObject:\n%s", api[:min(len(api), 3000)])
	}
	if !strings.Contains(tables, `"`+want+`"}`) {
		t.Error("Info().Deprecated not set in the table")
	}

	lossy := awsFixture()
	lossy[0].Actions = lossy[0].Actions[:1]
	if err := history.Apply(awsFixture(), lossy, history.Options{Today: "2026-01-02", Vendors: all.Vendors}); err == nil || !strings.Contains(err.Error(), "vanished at once") {
		t.Errorf("losing 5 of 6 s3 actions: %v, want the regression guard's refusal", err)
	}
}

// TestAWSHostileText: page text is data. Descriptions, names and templates that
// could end a comment, a string or a line early still give Go that compiles, with
// the text kept exactly in the tables.
func TestAWSHostileText(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	nasty := "ends */ a comment, `quotes` \"them\", breaks\nlines\u2028and\rhas \x00 NUL, \xff bad UTF-8 and \u202e bidi"
	svc := &model.Service{Kind: model.FormatAWSSAR, Name: "Hostile " + nasty, ShortName: "h-x",
		Source: model.Source{Vendor: "aws", Format: model.FormatAWSSAR, Path: "aws/list_hostile.html", File: "sources/aws/list_hostile.html"},
		Actions: []model.Action{
			{Name: "Get", Description: nasty, AccessLevel: "Read", DocURL: "https://x/y) [z](javascript:alert(1)",
				ResourceTypes: []model.ActionResourceType{{Name: "объект с пробелом", Required: true}}},
			{Name: "go", Description: "a keyword as a name", AccessLevel: "Write"},
		},
		ResourceTypes: []model.ResourceType{
			{Service: "h-x", Name: "объект с пробелом", Pattern: `arn:${Partition}:h-x:::a"b\c/${Type}/${Func}`, Placeholders: []string{"Type", "Func"}},
		},
		ConditionKeys: []model.ConditionKey{
			{Name: "h-x:type", Description: nasty, Type: "Strange"},
			{Name: "h-x:Tag/${String}", Description: "placeholder named like a type", Type: "String"},
		},
	}
	files, err := renderAWS([]*model.Service{svc})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == "aws/hx/README.md" && strings.Contains(string(f.Data), "javascript:") {
			t.Error("README links a page URL that is not a plain https URL")
		}
	}
	dir := t.TempDir()
	files = append(files, write.File{Path: "go.mod", Data: []byte("module " + awsRoot + "\n\ngo 1.26\n")},
		write.File{Path: "use/use_test.go", Data: []byte(`package use

import (
	"testing"

	"example.com/out/aws/hx"
)

func TestText(t *testing.T) {
	want := "ends */ a comment, ` + "`quotes`" + ` \"them\", breaks\nlines\u2028and\rhas \x00 NUL, \xff bad UTF-8 and \u202e bidi"
	if got := hx.ActionGet.Info().Description; got != want {
		t.Errorf("description %q", got)
	}
	if hx.ActionGo.String() != "h-x:go" {
		t.Error(hx.ActionGo)
	}
	if got := hx.ОбъектСПробеломARN("t", "f").String(); got != ` + "`arn:aws:h-x:::a\"b\\c/t/f`" + ` {
		t.Errorf("ARN %q", got)
	}
	if hx.ConditionKeyTag("k") != "h-x:Tag/k" || hx.ConditionKeyType != "h-x:type" {
		t.Error("keys")
	}
}
`)})
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}
