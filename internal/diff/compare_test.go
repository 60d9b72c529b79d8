package diff

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/model"
)

// brief is a change reduced to what the tests check.
type brief struct {
	Class           Class
	Kind            Kind
	Subject         Subject
	Name, NewName   string
	Field, Old, New string
}

// compareLists compares two snapshot models.
func compareLists(old, new []*model.Service) (*Report, error) {
	return Compare(Side{Services: old}, Side{Services: new})
}

func compare(t *testing.T, old, new []*model.Service) []brief {
	t.Helper()
	r, err := compareLists(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var out []brief
	for _, s := range r.Services {
		for _, c := range s.Changes {
			out = append(out, brief{c.Class, c.Kind, c.Subject, c.Name, c.NewName, c.Field, c.Old, c.New})
		}
	}
	return out
}

func cvmWith(actions ...model.Action) []*model.Service {
	return []*model.Service{camService("cvm", "云服务器", actions)}
}

func check(t *testing.T, want, got []brief) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

func TestRenameAction(t *testing.T) {
	old := cvmWith(act("StopInstance", "关闭实例", model.Write, model.ResourceLevel, instance))
	new := cvmWith(act("StopInstances", "关闭实例", model.Write, model.ResourceLevel, instance))
	check(t, []brief{{Class: Breaking, Kind: Renamed, Subject: SubjectAction, Name: "StopInstance", NewName: "StopInstances"}}, compare(t, old, new))
}

// A rename carries its other changes, reported under the new name.
func TestRenameWithOtherChanges(t *testing.T) {
	old := cvmWith(act("StopInstance", "关闭实例", model.Write, model.ResourceLevel, instance))
	a := act("StopInstances", "关闭实例", model.Other, model.ResourceLevel, instance)
	a.IPRestriction = model.Unsupported
	check(t, []brief{
		{Class: Breaking, Kind: Renamed, Subject: SubjectAction, Name: "StopInstance", NewName: "StopInstances"},
		{Class: Policy, Kind: Changed, Subject: SubjectAction, Name: "StopInstances", Field: "ip_restriction", Old: "supported", New: "unsupported"},
		{Class: Cosmetic, Kind: Changed, Subject: SubjectAction, Name: "StopInstances", Field: "category", Old: "write (写操作)", New: "other (其他操作)"},
	}, compare(t, old, cvmWith(a)))
}

// What a policy may name must match for a rename; otherwise it is a removal and an
// addition.
func TestNoRenameWhenResourcesDiffer(t *testing.T) {
	removedAdded := []brief{
		{Class: Breaking, Kind: Removed, Subject: SubjectAction, Name: "StopInstance"},
		{Class: Additive, Kind: Added, Subject: SubjectAction, Name: "StopInstances"},
	}
	old := cvmWith(act("StopInstance", "关闭实例", model.Write, model.ResourceLevel, instance))
	check(t, removedAdded, compare(t, old, cvmWith(act("StopInstances", "关闭实例", model.Write, model.OperationLevel))))
	check(t, removedAdded, compare(t, old, cvmWith(act("StopInstances", "关闭实例", model.Write, model.ResourceLevel, image))))
	check(t, removedAdded, compare(t, old, cvmWith(act("StopInstances", "关闭全部实例", model.Write, model.ResourceLevel, instance))))
}

// Two actions with no description are not thereby the same action.
func TestNoRenameOnEmptyDescription(t *testing.T) {
	old := cvmWith(act("A", "", model.Write, model.OperationLevel))
	new := cvmWith(act("B", "", model.Write, model.OperationLevel))
	check(t, []brief{
		{Class: Breaking, Kind: Removed, Subject: SubjectAction, Name: "A"},
		{Class: Additive, Kind: Added, Subject: SubjectAction, Name: "B"},
	}, compare(t, old, new))
}

// With several candidates of one signature the closest names pair, whatever the
// order of the input.
func TestRenamePairsClosestNames(t *testing.T) {
	op := func(name string) model.Action { return act(name, "实例操作", model.Write, model.OperationLevel) }
	want := []brief{
		{Class: Breaking, Kind: Renamed, Subject: SubjectAction, Name: "StartInstance", NewName: "StartInstances"},
		{Class: Breaking, Kind: Renamed, Subject: SubjectAction, Name: "StopInstance", NewName: "StopInstances"},
		{Class: Additive, Kind: Added, Subject: SubjectAction, Name: "ZapInstances"},
	}
	olds := []model.Action{op("StartInstance"), op("StopInstance")}
	news := []model.Action{op("ZapInstances"), op("StopInstances"), op("StartInstances")}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 10; i++ {
		rng.Shuffle(len(olds), func(i, j int) { olds[i], olds[j] = olds[j], olds[i] })
		rng.Shuffle(len(news), func(i, j int) { news[i], news[j] = news[j], news[i] })
		check(t, want, compare(t, cvmWith(olds...), cvmWith(news...)))
	}
}

func TestRenameScope(t *testing.T) {
	old := []*model.Service{scopeService("stella", scope("member:ToggleLiveChat", "Grant permission to toggle live chat"))}
	new := []*model.Service{scopeService("stella", scope("member:toggleLiveChat", "Grant permission to toggle live chat"))}
	check(t, []brief{{Class: Breaking, Kind: Renamed, Subject: SubjectScope, Name: "member:ToggleLiveChat", NewName: "member:toggleLiveChat"}}, compare(t, old, new))

	new = []*model.Service{scopeService("stella", scope("member:toggleLiveChat", "Grant permission to toggle the live chat"))}
	check(t, []brief{
		{Class: Breaking, Kind: Removed, Subject: SubjectScope, Name: "member:ToggleLiveChat"},
		{Class: Additive, Kind: Added, Subject: SubjectScope, Name: "member:toggleLiveChat"},
	}, compare(t, old, new))
}

// A vanished action kept with Deprecated set still compiles: policy, not breaking.
func TestDeprecation(t *testing.T) {
	a := act("OldApi", "旧接口", model.Write, model.OperationLevel)
	b := act("NewApi", "旧接口", model.Write, model.OperationLevel)
	other := act("OtherApi", "别的接口", model.Write, model.OperationLevel)
	for _, tc := range []struct {
		name     string
		old, new []model.Action
		want     []brief
	}{
		{"deprecated", []model.Action{a}, []model.Action{deprecated(a)},
			[]brief{{Class: Policy, Kind: Deprecated, Subject: SubjectAction, Name: "OldApi"}}},
		{"deprecated with replacement", []model.Action{a}, []model.Action{b, deprecated(a)},
			[]brief{{Class: Policy, Kind: Deprecated, Subject: SubjectAction, Name: "OldApi", NewName: "NewApi"}}},
		{"deprecated, unrelated addition", []model.Action{a}, []model.Action{deprecated(a), other},
			[]brief{
				{Class: Policy, Kind: Deprecated, Subject: SubjectAction, Name: "OldApi"},
				{Class: Additive, Kind: Added, Subject: SubjectAction, Name: "OtherApi"},
			}},
		{"still deprecated", []model.Action{deprecated(a)}, []model.Action{deprecated(a)}, nil},
		{"deprecated then removed", []model.Action{deprecated(a)}, nil,
			[]brief{{Class: Breaking, Kind: Removed, Subject: SubjectAction, Name: "OldApi"}}},
		{"listed again", []model.Action{deprecated(a)}, []model.Action{a},
			[]brief{{Class: Additive, Kind: Restored, Subject: SubjectAction, Name: "OldApi"}}},
		{"new and deprecated", nil, []model.Action{deprecated(a)},
			[]brief{{Class: Additive, Kind: Added, Subject: SubjectAction, Name: "OldApi"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check(t, tc.want, compare(t, cvmWith(tc.old...), cvmWith(tc.new...)))
		})
	}
}

// A scraped model cannot record deprecations: an entry deprecated in the snapshots
// and absent from the page is still absent, which is no change. Against snapshots
// the same absence is a removal from the code.
func TestDeprecatedAgainstScraped(t *testing.T) {
	gone := deprecated(act("OldApi", "旧接口", model.Write, model.OperationLevel))
	keep := act("RunInstances", "创建实例", model.Write, model.OperationLevel)
	old, new := cvmWith(gone, keep), cvmWith(keep)
	for _, tc := range []struct {
		scraped bool
		want    []brief
	}{
		{true, nil},
		{false, []brief{{Class: Breaking, Kind: Removed, Subject: SubjectAction, Name: "OldApi"}}},
	} {
		r, err := Compare(Side{Services: old}, Side{Services: new, Scraped: tc.scraped})
		if err != nil {
			t.Fatal(err)
		}
		var got []brief
		for _, s := range r.Services {
			for _, c := range s.Changes {
				got = append(got, brief{Class: c.Class, Kind: c.Kind, Subject: c.Subject, Name: c.Name})
			}
		}
		check(t, tc.want, got)
	}
}

func TestDeprecatedScope(t *testing.T) {
	s := scope("bot:read", "Grant permission to read Bot")
	d := s
	d.Deprecated = &model.Deprecation{Date: "2025-01-02", Page: "sources/stella/scopes.html"}
	got := compare(t, []*model.Service{scopeService("stella", s)}, []*model.Service{scopeService("stella", d)})
	check(t, []brief{{Class: Policy, Kind: Deprecated, Subject: SubjectScope, Name: "bot:read"}}, got)
}

// TestActionFieldClasses: one change per field, each with its class.
func TestActionFieldClasses(t *testing.T) {
	base := act("RunInstances", "创建实例", model.Write, model.ResourceLevel, instance)
	for _, tc := range []struct {
		name   string
		change func(a *model.Action)
		want   brief
	}{
		{"granularity and resources are one change", func(a *model.Action) {
			a.Granularity, a.Resources = model.OperationLevel, []model.Resource{{Pattern: "*"}}
		}, brief{Class: Policy, Field: "granularity", Old: "resource", New: "operation"}},
		{"granularity alone", func(a *model.Action) { a.Granularity = model.ServiceLevel },
			brief{Class: Policy, Field: "granularity", Old: "resource", New: "service"}},
		{"resource pattern", func(a *model.Action) { a.Resources = []model.Resource{{Pattern: image}} },
			brief{Class: Policy, Field: "resources", Old: instance, New: image}},
		{"another pattern", func(a *model.Action) { a.Resources = append(a.Resources, model.Resource{Pattern: image}) },
			brief{Class: Policy, Field: "resources", Old: instance, New: image + ", " + instance}},
		{"pattern written otherwise", func(a *model.Action) {
			a.Resources = []model.Resource{{Pattern: instance, Raw: "qcs::cvm:$region:uin/${uin}:instance/${InstanceId}"}}
		},
			brief{Class: Cosmetic, Field: "resources", Old: instance, New: "qcs::cvm:$region:uin/${uin}:instance/${InstanceId}"}},
		{"ip restriction", func(a *model.Action) { a.IPRestriction = model.PartiallySupported },
			brief{Class: Policy, Field: "ip_restriction", Old: "supported", New: "partial"}},
		{"description", func(a *model.Action) { a.Description = "创建一个实例" },
			brief{Class: Cosmetic, Field: "description", Old: "创建实例", New: "创建一个实例"}},
		{"category with its section", func(a *model.Action) { a.Category, a.Section = model.Other, "其他操作" },
			brief{Class: Cosmetic, Field: "category", Old: "write (写操作)", New: "other (其他操作)"}},
		{"section heading only", func(a *model.Action) { a.Section = "写 操作" },
			brief{Class: Cosmetic, Field: "section", Old: "写操作", New: "写 操作"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := base
			n.Resources = append([]model.Resource(nil), base.Resources...)
			tc.change(&n)
			tc.want.Kind, tc.want.Subject, tc.want.Name = Changed, SubjectAction, "RunInstances"
			check(t, []brief{tc.want}, compare(t, cvmWith(base), cvmWith(n)))
		})
	}
}

// Differences that are not changes: where the page was read from, the position,
// nil against empty, the order of patterns in a cell.
func TestNotChanges(t *testing.T) {
	a := act("RunInstances", "创建实例", model.Write, model.ResourceLevel, instance, image)
	b := act("RunInstances", "创建实例", model.Write, model.ResourceLevel, image, instance)
	b.Pos = model.Pos{File: "elsewhere.html", Row: 7}
	old := camService("cvm", "云服务器", []model.Action{a})
	new := camService("cvm", "云服务器", []model.Action{b})
	new.Source.File = "/tmp/sources/tencentcloud/cvm.html"
	new.Diagnostics = []model.Diagnostic{{Code: "x"}}
	old.ResourceTypes, new.ResourceTypes = nil, []model.ResourceType{}
	got := compare(t, []*model.Service{old}, []*model.Service{new})
	// The order of patterns is text, not policy.
	check(t, []brief{{Class: Cosmetic, Kind: Changed, Subject: SubjectAction, Name: "RunInstances", Field: "resources",
		Old: instance + ", " + image, New: image + ", " + instance}}, got)
}

func TestResourceTypeClasses(t *testing.T) {
	with := func(rts ...model.ResourceType) []*model.Service {
		return []*model.Service{camService("cvm", "云服务器", nil, rts...)}
	}
	inst := rtype("cvm", "instance", instance, "region", "uin", "InstanceId")
	for _, tc := range []struct {
		name     string
		old, new []*model.Service
		want     brief
	}{
		{"removed", with(inst), with(), brief{Class: Breaking, Kind: Removed}},
		{"added", with(), with(inst), brief{Class: Additive, Kind: Added}},
		{"placeholders", with(inst), with(rtype("cvm", "instance", "qcs::cvm::uin/${uin}:instance/${InstanceId}", "uin", "InstanceId")),
			brief{Class: Breaking, Kind: Changed, Field: "placeholders", Old: "region, uin, InstanceId", New: "uin, InstanceId"}},
		{"pattern", with(inst), with(rtype("cvm", "instance", "qcs::cvm:${region}:uin/${uin}:instance/${InstanceId}/*", "region", "uin", "InstanceId")),
			brief{Class: Policy, Kind: Changed, Field: "pattern", Old: instance, New: instance + "/*"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.want.Subject, tc.want.Name = SubjectResourceType, "cvm/instance"
			check(t, []brief{tc.want}, compare(t, tc.old, tc.new))
		})
	}
}

func TestServiceFieldClasses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(s *model.Service)
		want   brief
	}{
		{"product name", func(s *model.Service) { s.Name = "云服务器 CVM" }, brief{Class: Cosmetic, Field: "name", Old: "云服务器", New: "云服务器 CVM"}},
		{"console access", func(s *model.Service) { s.ConsoleAccess = model.Unsupported }, brief{Class: Policy, Field: "console_access", Old: "supported", New: "unsupported"}},
		{"tag authorization", func(s *model.Service) { s.TagAuthorization = model.Supported }, brief{Class: Policy, Field: "tag_authorization", Old: "unsupported", New: "supported"}},
		{"granularity", func(s *model.Service) { s.Granularity = model.OperationLevel }, brief{Class: Policy, Field: "granularity", Old: "resource", New: "operation"}},
		{"ip restriction", func(s *model.Service) { s.IPRestriction = model.PartiallySupported }, brief{Class: Policy, Field: "ip_restriction", Old: "supported", New: "partial"}},
		{"package", func(s *model.Service) { s.Source.Package = "tencentcloud/cvm2" }, brief{Class: Breaking, Field: "source.package", New: "tencentcloud/cvm2"}},
		{"api version", func(s *model.Service) { s.Source.APIVersion = "2017-03-12" }, brief{Class: Policy, Field: "source.api_version", New: "2017-03-12"}},
		{"url", func(s *model.Service) { s.Source.URL = "https://example.com/new" }, brief{Class: Cosmetic, Field: "source.url", Old: "https://example.com/cvm", New: "https://example.com/new"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := camService("cvm", "云服务器", nil)
			tc.change(n)
			tc.want.Kind, tc.want.Subject = Changed, SubjectService
			check(t, []brief{tc.want}, compare(t, []*model.Service{camService("cvm", "云服务器", nil)}, []*model.Service{n}))
		})
	}
}

// An implication that changed because a scope came, went or was renamed is the
// same rule applied to other scopes, and is not repeated; one that changed because
// the rule stopped applying is a policy change.
func TestScopeImplies(t *testing.T) {
	stella := func(ss ...model.Scope) []*model.Service { return []*model.Service{scopeService("stella", ss...)} }
	read := scope("member:read", "Grant permission to read Member")
	del := scope("member:delete", "Grant permission to delete Member")

	check(t, []brief{{Class: Additive, Kind: Added, Subject: SubjectScope, Name: "member:delete"}},
		compare(t, stella(scope("member:admin", "Grant all Member APIs access", "member:read"), read),
			stella(scope("member:admin", "Grant all Member APIs access", "member:delete", "member:read"), del, read)))

	check(t, []brief{
		{Class: Policy, Kind: Changed, Subject: SubjectScope, Name: "member:admin", Field: "implies", Old: "member:read"},
		{Class: Cosmetic, Kind: Changed, Subject: SubjectScope, Name: "member:admin", Field: "description", Old: "Grant all Member APIs access", New: "Grant all members access"},
	}, compare(t, stella(scope("member:admin", "Grant all Member APIs access", "member:read"), read),
		stella(scope("member:admin", "Grant all members access"), read)))
}

func TestServices(t *testing.T) {
	cvm := camService("cvm", "云服务器", []model.Action{act("RunInstances", "创建实例", model.Write, model.OperationLevel)})
	cbs := camService("cbs", "云硬盘", nil)
	check(t, []brief{{Class: Additive, Kind: Added, Subject: SubjectService}}, compare(t, []*model.Service{cvm}, []*model.Service{cbs, cvm}))
	check(t, []brief{{Class: Breaking, Kind: Removed, Subject: SubjectService}}, compare(t, []*model.Service{cvm, cbs}, []*model.Service{cvm}))

	// Same page, another short name: every action's prefix and the package changed.
	renamed := camService("cvm2", "云服务器", cvm.Actions)
	renamed.Source = cvm.Source
	check(t, []brief{{Class: Breaking, Kind: Renamed, Subject: SubjectService, Name: "cvm", NewName: "cvm2", Field: "short_name"}},
		compare(t, []*model.Service{cvm}, []*model.Service{renamed}))

	r, err := compareLists(nil, []*model.Service{cvm, scopeService("stella")})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range r.Services {
		ids = append(ids, s.ID())
	}
	if got := strings.Join(ids, " "); got != "stella tencentcloud/cvm" {
		t.Errorf("service IDs %q", got)
	}
}

func TestDuplicateService(t *testing.T) {
	a, b := camService("cvm", "云服务器", nil), camService("cvm", "云服务器", nil)
	b.Source.Path = "tencentcloud/cvm-copy.html"
	_, err := compareLists([]*model.Service{a, b}, nil)
	if err == nil || !strings.Contains(err.Error(), "tencentcloud/cvm.html and tencentcloud/cvm-copy.html") {
		t.Fatalf("err = %v, want one naming both pages", err)
	}
}

// TestOrderIndependent: the report depends on neither the order of services nor of
// their lists.
func TestOrderIndependent(t *testing.T) {
	want, err := compareLists(goldenOld(), goldenNew())
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 20; i++ {
		old, new := goldenOld(), goldenNew()
		for _, list := range [][]*model.Service{old, new} {
			rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
			for _, s := range list {
				rng.Shuffle(len(s.Actions), func(i, j int) { s.Actions[i], s.Actions[j] = s.Actions[j], s.Actions[i] })
				rng.Shuffle(len(s.Scopes), func(i, j int) { s.Scopes[i], s.Scopes[j] = s.Scopes[j], s.Scopes[i] })
				rng.Shuffle(len(s.ResourceTypes), func(i, j int) { s.ResourceTypes[i], s.ResourceTypes[j] = s.ResourceTypes[j], s.ResourceTypes[i] })
			}
		}
		got, err := compareLists(old, new)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("shuffle %d changed the report:\n%s", i, diff)
		}
	}
}

func TestWorst(t *testing.T) {
	for _, tc := range []struct {
		old, new []*model.Service
		want     Class
		changed  bool
	}{
		{goldenNew(), goldenNew(), "", false},
		{goldenOld(), goldenNew(), Breaking, true},
		{nil, goldenNew(), Additive, true},
	} {
		r, err := compareLists(tc.old, tc.new)
		if err != nil {
			t.Fatal(err)
		}
		if got, changed := r.Worst(); got != tc.want || changed != tc.changed {
			t.Errorf("Worst() = %q, %v; want %q, %v", got, changed, tc.want, tc.changed)
		}
	}
}
