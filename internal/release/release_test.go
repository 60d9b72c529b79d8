package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/permgen/permgen/internal/modproxy"
)

// repo is the repository root, from this package's folder.
const repo = "../.."

// goLine is the go line every module names: a release, not a patch a toolchain
// would be downloaded for (go.dev/doc/toolchain: "go 1.26.0" is satisfied by any
// Go 1.26 release, "go 1.26.8" makes GOTOOLCHAIN=auto fetch 1.26.8 for a user on
// 1.26.3).
const goLine = "1.26.0"

const ownPrefix = "github.com/permgen/permgen"

// workspace reads go.work: the module folders it uses and its replace lines.
func workspace(t *testing.T) *modfile.WorkFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "go.work"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := modfile.ParseWork("go.work", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func readMod(t *testing.T, dir string) *modfile.File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse(dir+"/go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// releaseVersion is the version the modules require of one another: the next
// release's (docs/releasing.md).
func releaseVersion(t *testing.T) string {
	t.Helper()
	for _, r := range readMod(t, "sdk/awsperm").Require {
		if r.Mod.Path == ownPrefix+"/generated/aws" {
			return r.Mod.Version
		}
	}
	t.Fatal("sdk/awsperm/go.mod does not require github.com/permgen/permgen/generated/aws")
	return ""
}

// TestModulesArePublishable: every module of go.work (and every go.mod of the
// repository holding Go code) names go 1.26.0, has no replace (a consumer ignores
// a dependency's replace lines, so a module that needs one is broken once
// published), and requires its siblings at the one release version, which go.work
// maps to this checkout.
func TestModulesArePublishable(t *testing.T) {
	w := workspace(t)
	version := releaseVersion(t)
	if w.Go == nil || w.Go.Version != goLine {
		t.Errorf("go.work: go line %v, want go %s", w.Go, goLine)
	}
	used := map[string]bool{}
	for _, u := range w.Use {
		used[filepath.Clean(u.Path)] = true
	}
	// Every module folder with Go code is in the workspace: one left out would be
	// built against the (unpublished) release version.
	err := filepath.WalkDir(repo, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "go.mod" {
			return err
		}
		dir, _ := filepath.Rel(repo, filepath.Dir(p))
		if strings.Contains(dir, "testdata") || dir == "sources" {
			return nil // data-only modules (docs/aws-layout.md)
		}
		if !used[dir] {
			t.Errorf("%s/go.mod is not in go.work's use list", dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	siblings := map[string]bool{}
	for dir := range used {
		f := readMod(t, dir)
		siblings[f.Module.Mod.Path] = true
		if f.Go == nil || f.Go.Version != goLine {
			t.Errorf("%s/go.mod: go line %v, want go %s", dir, f.Go, goLine)
		}
		if f.Toolchain != nil {
			t.Errorf("%s/go.mod: toolchain %s would make GOTOOLCHAIN=auto download it", dir, f.Toolchain.Name)
		}
		for _, r := range f.Replace {
			t.Errorf("%s/go.mod: replace %s => %s; a consumer ignores it (put development replaces in go.work)", dir, r.Old.Path, r.New.Path)
		}
		for _, r := range f.Require {
			if strings.HasPrefix(r.Mod.Path, ownPrefix) && r.Mod.Version != version {
				t.Errorf("%s/go.mod: requires %s %s, want the release version %s", dir, r.Mod.Path, r.Mod.Version, version)
			}
		}
	}
	// go.work replaces exactly the required siblings, at the release version, by
	// their folders.
	for _, r := range w.Replace {
		if r.Old.Version != version || !siblings[r.Old.Path] {
			t.Errorf("go.work: replace %s %s; want only siblings at %s", r.Old.Path, r.Old.Version, version)
		}
	}
}

// consumerProgram imports a package of each module a user gets: the root
// (Stella), generated/tencentcloud, generated/aws and sdk/awsperm. It records one S3 call in a dry run,
// then guards with the recorded policy: the same call passes the guard (and
// reaches the stand-in for the network), another is denied before it.
const consumerProgram = `package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	s3sdk "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/logging"
	"github.com/permgen/permgen/generated/aws/iampolicy"
	"github.com/permgen/permgen/generated/aws/s3"
	"github.com/permgen/permgen/generated/stella"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
	"github.com/permgen/permgen/sdk/awsperm"
)

// noNetwork stands for AWS: a call the guard lets through ends here.
type noNetwork struct{}

func (noNetwork) Do(*http.Request) (*http.Response, error) { return nil, errors.New("reached the network") }

func load(ctx context.Context, opt func(*config.LoadOptions) error) aws.Config {
	cfg, err := config.LoadDefaultConfig(ctx, opt, config.WithRegion("eu-west-1"),
		config.WithSharedConfigFiles([]string{}), config.WithSharedCredentialsFiles([]string{}),
		config.WithEC2IMDSClientEnableState(imds.ClientDisabled), config.WithLogger(logging.Nop{}),
		// Signed with a key valid nowhere: the guard refuses an unsigned call that
		// an IAM action authorizes, and the request never leaves the process.
		config.WithCredentialsProvider(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret"}, nil
		})))
	if err != nil {
		panic(err)
	}
	return cfg
}

func main() {
	ctx := context.Background()
	fmt.Println(ccc.ActionCreateStaff, s3.ActionGetObject, s3.ObjectARN("photos", "cat.png"), stella.ScopeMemberDelete)
	rec := awsperm.NewRecorder(awsperm.Account("123456789012"), awsperm.DryRun())
	get := &s3sdk.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}
	if _, err := s3sdk.NewFromConfig(load(ctx, awsperm.WithRecorder(rec))).GetObject(ctx, get); err != nil {
		panic(err)
	}
	p, err := rec.Policy()
	if err != nil {
		panic(err)
	}
	g, err := awsperm.NewGuard([]*iampolicy.Policy{p}, awsperm.Account("123456789012"), awsperm.DryRun())
	if err != nil {
		panic(err)
	}
	client := s3sdk.NewFromConfig(load(ctx, g.Option()), func(o *s3sdk.Options) { o.HTTPClient = noNetwork{} })
	var d *awsperm.DeniedError
	_, err = client.GetObject(ctx, get)
	fmt.Println("GetObject denied:", errors.As(err, &d), strings.Contains(fmt.Sprint(err), "reached the network"))
	_, err = client.DeleteObject(ctx, &s3sdk.DeleteObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")})
	fmt.Println("DeleteObject denied:", errors.As(err, &d), d.Action)
}
`

// TestConsumerWithoutReplace builds the module zips of this checkout (the root,
// generated/tencentcloud, generated/aws and sdk/awsperm, as they are on disk) into a local module proxy at
// the release version, then, in an empty module with no replace and no go.work,
// runs go get of each module and builds and runs a program importing each. It is
// offline: GOPROXY lists only that proxy and the download cache of this machine's
// module cache (which holds the third-party modules, downloaded by building
// sdk/awsperm; `make test` runs test-sdk first), and the go command uses a module
// cache of its own, so the test versions never reach the real one.
func TestConsumerWithoutReplace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the AWS SDK in a module of its own")
	}
	version := releaseVersion(t)
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	root, err := filepath.Abs(repo)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := modproxy.Write(proxy, version, publishedModules(root)...); err != nil {
		t.Fatal(err)
	}
	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	downloads := filepath.Join(strings.TrimSpace(string(gomodcache)), "cache", "download")
	mod := filepath.Join(tmp, "consumer")
	write(t, mod, "go.mod", "module example.org/consumer\n\ngo "+goLine+"\n")
	write(t, mod, "main.go", consumerProgram)
	env := append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(downloads),
		"GOSUMDB=off", "GONOSUMDB=", "GOPRIVATE=", "GOFLAGS=-mod=mod -modcacherw",
		"GOWORK=off", "GOTOOLCHAIN=local", "GOMODCACHE="+filepath.Join(tmp, "modcache"))
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = mod, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	for _, m := range []string{ownPrefix, ownPrefix + "/generated/tencentcloud", ownPrefix + "/generated/aws", ownPrefix + "/sdk/awsperm"} {
		run("go", "get", m+"@"+version)
	}
	run("go", "build", "-o", "consumer", ".")
	got := run(filepath.Join(mod, "consumer"))
	want := "ccc:CreateStaff s3:GetObject arn:aws:s3:::photos/cat.png member:delete\nGetObject denied: false true\nDeleteObject denied: true s3:DeleteObject\n"
	if got != want {
		t.Errorf("the consumer printed\n%s\nwant\n%s", got, want)
	}
	// What the consumer's go.mod names: the four modules at the version, and no
	// replace.
	data, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse("go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	var own []string
	for _, r := range f.Require {
		if strings.HasPrefix(r.Mod.Path, ownPrefix) {
			own = append(own, r.Mod.Path+" "+r.Mod.Version)
		}
	}
	sort.Strings(own)
	wantOwn := []string{ownPrefix + " " + version, ownPrefix + "/generated/aws " + version, ownPrefix + "/generated/tencentcloud " + version, ownPrefix + "/sdk/awsperm " + version}
	if strings.Join(own, "\n") != strings.Join(wantOwn, "\n") || len(f.Replace) != 0 {
		t.Errorf("consumer go.mod requires %q with %d replace lines, want %q and none", own, len(f.Replace), wantOwn)
	}
}

// publishedModules are the folders of the modules a user gets, below root (the
// repository's absolute path): the module proxy of a test serves these.
func publishedModules(root string) []string {
	return []string{root, filepath.Join(root, "generated/tencentcloud"), filepath.Join(root, "generated/aws"), filepath.Join(root, "sdk/awsperm")}
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
