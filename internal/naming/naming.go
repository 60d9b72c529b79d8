// Package naming decides every Go name of a generated tree, in one place: the
// identifier of each action, scope and resource builder, the SDK method of each
// action, builder parameters, package names, and the identifiers a generated package
// declares besides the data-driven ones. resolve calls it to give the model its Go
// names, emit prints what resolve recorded, and the tests here hold the templates/
// fixtures and the checked-in tree to the same rules, so that a template naming a
// generated symbol cannot drift from what is generated.
//
// The rules keep every name that exists today: changing one renames users' symbols.
package naming

// Action is the constant of an action: "Action" + the API name, vendor spelling kept
// (ActionCreateStaff, ActionDescibeCanSalePhoneNums).
func Action(api string) string { return Ident("Action", api) }

// Scope is the constant of a scope namespace:verb (ScopeMemberRead, ScopeApiAdmin).
func Scope(namespace, verb string) string { return Ident("Scope", namespace, verb) }

// ResourceBuilder is the builder of a resource type: <Type>Resource, prefixed by the
// type's service when it is another service's (SdkAppIdResource, CvmInstanceResource).
func ResourceBuilder(service, typ, pageService string) string {
	if service != pageService {
		return Ident(service, typ, "Resource")
	}
	return Ident(typ, "Resource")
}

// CAMFixed are the identifiers a generated Tencent CAM service package declares
// besides its actions and resource builders.
var CAMFixed = []string{"Action", "Actions", "ParseAction", "Service", "ResourceTypes"}

// ScopeFixed are the identifiers a generated scope package declares besides its
// scope constants: the exported API of templates/scopes.
var ScopeFixed = []string{"Scope", "Scopes", "ParseScope", "ParseScopes", "ScopeSet", "NewScopeSet", "UnknownScopeError"}

// Fixed is every identifier a data-driven name must not take, whatever the package.
func Fixed() []string { return append(append([]string{}, CAMFixed...), ScopeFixed...) }
