package awsperm

import (
	"reflect"
	"strings"
	"sync"
)

// Matching a placeholder to a field by meaning (docs/sdk-resources.md rule 3):
// after the exact candidates, a placeholder and a field are compared by their
// names' words, case folded and with wordSynonyms applied, so that Pinpoint's
// ApplicationId fills ${AppId}, RDS's DBInstanceIdentifier ${DbInstanceName} and
// EC2's LocalGatewayRouteTableId ${LocalGatewayRoutetableId}. A value is taken only
// when exactly one field (top level, or one level down in a structure) matches.

// wordSynonyms are the words AWS's API models and its Service Authorization
// Reference spell differently for one thing: each maps to the form the key uses.
// TestWordSynonymsOnThePages checks that every entry is a word of some placeholder
// on the pages (a dead entry would only widen matching).
var wordSynonyms = map[string]string{
	"application":   "app",    // Pinpoint ApplicationId, page ${AppId}
	"identifier":    "id",     // AppConfig ExtensionIdentifier, page ${ExtensionId}
	"configuration": "config", // CodeDeploy deploymentConfigName, page ${DeploymentConfigurationName}
}

// nameWords splits a Go field or placeholder name into lowercased words:
// DBClusterIdentifier → db cluster identifier, WebACLId → web acl id, Ipv4PoolEc2Id
// → ipv4 pool ec2 id (digits stay with the word before them).
func nameWords(name string) []string {
	var words []string
	start := 0
	isUpper := func(b byte) bool { return b >= 'A' && b <= 'Z' }
	isLower := func(b byte) bool { return b >= 'a' && b <= 'z' }
	for i := 1; i < len(name); i++ {
		prev, cur := name[i-1], name[i]
		boundary := isUpper(cur) && (isLower(prev) || prev >= '0' && prev <= '9') ||
			isUpper(cur) && isUpper(prev) && i+1 < len(name) && isLower(name[i+1])
		if cur == '_' || prev == '_' {
			boundary = true
		}
		if boundary {
			if w := strings.Trim(name[start:i], "_"); w != "" {
				words = append(words, strings.ToLower(w))
			}
			start = i
		}
	}
	if w := strings.Trim(name[start:], "_"); w != "" {
		words = append(words, strings.ToLower(w))
	}
	return words
}

// wordKey joins a name's words, synonyms applied, and marks where each word
// starts (bit k: a word starts at byte k) for suffix matching at a word boundary.
func wordKey(words []string) (key string, bounds uint64) {
	var b strings.Builder
	for _, w := range words {
		if s, ok := wordSynonyms[w]; ok {
			w = s
		}
		if b.Len() < 64 {
			bounds |= 1 << b.Len()
		}
		b.WriteString(w)
	}
	return b.String(), bounds
}

// placeholderKey is the key a placeholder is matched by: its own name's, or for a
// generic placeholder (ResourceId, Id, Name …) the resource type's name with Id or
// Name (WAF's bytematchset/${Id} ← ByteMatchSetId, Route 53's hostedzone/${Id} ←
// HostedZoneId). Empty when the placeholder is not matched by meaning.
func placeholderKey(rtName, name string) (key string, generic bool) {
	switch name {
	case "Partition", "Region", "Account":
		return "", false
	case "ResourceId", "Id", "Identifier":
		k, _ := wordKey(append(nameWords(camel(rtName)), "id"))
		return k, true
	case "ResourceName", "Name":
		k, _ := wordKey(append(nameWords(camel(rtName)), "name"))
		return k, true
	}
	k, _ := wordKey(nameWords(name))
	return k, false
}

// keyedField is a string field of an input type with its key; alt is a second key
// for a field whose last word is Identifier, which AWS uses for a resource's name
// as well as its ID (RDS DBInstanceIdentifier is the name in db:${DbInstanceName});
// the exact candidates take XIdentifier for ${XName} already.
type keyedField struct {
	path   []int  // field index, and the nested field's index one level down
	name   string // for a reason: "NewBudget.BudgetName"
	key    string
	alt    string
	bounds uint64
}

var keyedFields sync.Map // reflect.Type → []keyedField

// keyedFieldsOf lists a type's exported string fields and those of its struct
// fields (one level: Budgets' NewBudget.BudgetName). A nested Name or Id also
// gets the parent's name before it (SES's ConfigurationSet.Name is
// ConfigurationSetName; Glue's ConnectionInput.Name is ConnectionName).
func keyedFieldsOf(t reflect.Type) []keyedField {
	if v, ok := keyedFields.Load(t); ok {
		return v.([]keyedField)
	}
	var out []keyedField
	add := func(path []int, name string, words []string) {
		kf := keyedField{path: path, name: name}
		kf.key, kf.bounds = wordKey(words)
		if n := len(words); n > 1 && words[n-1] == "identifier" {
			kf.alt, _ = wordKey(append(append([]string(nil), words[:n-1]...), "name"))
		}
		out = append(out, kf)
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch ft.Kind() {
		case reflect.String:
			add([]int{i}, sf.Name, nameWords(sf.Name))
		case reflect.Struct:
			for j := range ft.NumField() {
				nf := ft.Field(j)
				nt := nf.Type
				if nt.Kind() == reflect.Pointer {
					nt = nt.Elem()
				}
				if !nf.IsExported() || nt.Kind() != reflect.String {
					continue
				}
				words := nameWords(nf.Name)
				if len(words) == 1 && (words[0] == "name" || words[0] == "id") {
					// Glue's TableInput.Name is the table's: the structure
					// that describes a resource to create or update is named
					// after it with Input.
					parent := nameWords(sf.Name)
					if n := len(parent); n > 1 && parent[n-1] == "input" {
						parent = parent[:n-1]
					}
					words = append(parent, words[0])
				}
				add([]int{i, j}, sf.Name+"."+nf.Name, words)
			}
		}
	}
	v, _ := keyedFields.LoadOrStore(t, out)
	return v.([]keyedField)
}

// strPath returns the non-empty string at a keyed field's path.
func (f fields) strPath(path []int) (string, bool) {
	v := f.v
	for _, i := range path {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return "", false
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return "", false
		}
		v = v.Field(i)
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "", false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.String || v.String() == "" {
		return "", false
	}
	return v.String(), true
}

// byMeaning fills a placeholder no exact candidate named: from the one field whose
// key equals the placeholder's, else (a specific placeholder only) from the one
// top-level field whose key ends in it at a word boundary after a qualifier (RDS
// DBParameterGroupName for ${ParameterGroupName}; EFS SourceFileSystemId for
// ${FileSystemId}). Two fields with different values are not guessed between: why
// names them. Account IDs are never filled so, nor, by suffix, a Source… field of
// a call that names a SourceRegion (EC2 CopySnapshot's source is in another region).
func (f *filler) byMeaning(info *rtInfo, i int) (s, why string, ok bool) {
	key := info.keys[i]
	if f.in.idx == nil || key == "" || strings.HasSuffix(key, "accountid") {
		return "", "", false
	}
	kfs := keyedFieldsOf(f.in.v.Type())
	var found, first string
	n := 0
	for _, kf := range kfs {
		if kf.key != key && kf.alt != key {
			continue
		}
		if v, ok := f.in.strPath(kf.path); ok {
			found, n = v, n+1
			if n == 1 {
				first = kf.name
			} else {
				return "", "fields " + first + " and " + kf.name + " could both fill " + info.parts[i].text + ": not guessed at", false
			}
		}
	}
	if n == 1 {
		return found, "", true
	}
	if info.generic[i] || len(key) < 6 {
		return "", "", false
	}
	_, otherRegion := f.in.str("SourceRegion")
	for _, kf := range kfs {
		if len(kf.path) != 1 || !suffixAtWord(kf.key, kf.bounds, key) && !(kf.alt != "" && strings.HasSuffix(kf.alt, key) && len(kf.alt) > len(key) && kf.bounds&(1<<(len(kf.alt)-len(key))) != 0) {
			continue
		}
		if otherRegion && strings.HasPrefix(kf.name, "Source") {
			continue
		}
		if v, ok := f.in.strPath(kf.path); ok {
			found, n = v, n+1
			if n == 1 {
				first = kf.name
			} else {
				return "", "fields " + first + " and " + kf.name + " both end in " + info.parts[i].text + ": not guessed at", false
			}
		}
	}
	if n == 1 {
		return found, "", true
	}
	// The placeholder qualified by the start of its type's name, the field
	// not: Location's geofence-collection/${GeofenceCollectionName} ←
	// CollectionName, SageMaker's model-bias-job-definition/
	// ${ModelBiasJobDefinitionName} ← JobDefinitionName. The field keeps at least
	// two words (never a bare Name or Id), and names no other resource type of
	// the action (EC2 RunInstances' SubnetId is the subnet's, not the
	// secondary-subnet's; AssociateRouteTable's GatewayId may be an internet or
	// a VPN gateway: neither is guessed).
	bounds := info.kbounds[i]
	for _, kf := range kfs {
		if len(kf.path) != 1 || !typeQualified(key, bounds, kf.key, kf.bounds, info.typeKey) || f.otherTypeTakes(info, kf) {
			continue
		}
		if v, ok := f.in.strPath(kf.path); ok {
			found, n = v, n+1
			if n == 1 {
				first = kf.name
			} else {
				return "", "fields " + first + " and " + kf.name + " could both fill " + info.parts[i].text + ": not guessed at", false
			}
		}
	}
	return found, "", n == 1
}

// otherTypeTakes reports whether a field matches a placeholder of another resource
// type of the action, by its key or qualified by that type's name.
func (f *filler) otherTypeTakes(info *rtInfo, kf keyedField) bool {
	infos := rtInfos()
	for _, r := range f.res {
		o := &infos[r.rt]
		if o == info {
			continue
		}
		for j, p := range o.parts {
			if p.placeholder && o.keys[j] != "" && (o.keys[j] == kf.key || o.keys[j] == kf.alt ||
				!o.generic[j] && typeQualified(o.keys[j], o.kbounds[j], kf.key, kf.bounds, o.typeKey)) {
				return true
			}
		}
	}
	return false
}

// typeQualified reports whether a placeholder's key is a field's key after words
// that begin the resource type's name, the field's key having two words or more.
func typeQualified(key string, bounds uint64, field string, fbounds uint64, typeKey string) bool {
	at := len(key) - len(field)
	if at <= 0 || at >= 64 || bounds&(1<<at) == 0 || key[at:] != field || !strings.HasPrefix(typeKey, key[:at]) {
		return false
	}
	return fbounds&^1 != 0 // a word starts after the first
}

// suffixAtWord reports whether key ends in suffix after at least one word of its
// own, the suffix starting where a word of key starts.
func suffixAtWord(key string, bounds uint64, suffix string) bool {
	at := len(key) - len(suffix)
	return at > 0 && at < 64 && bounds&(1<<at) != 0 && key[at:] == suffix
}

// arnOfAnyName is the last resort for a resource type whose parts the input does
// not name: a string field of any name, top level or one level down, whose value
// is an ARN of this type's template form and of no other resource type of the
// action (RoboMaker's job, Lambda's Resource, a tagging call's ResourceName,
// WAF's LoggingConfiguration.ResourceArn). An ARN two of the action's types could
// be is not guessed at.
func (f *filler) arnOfAnyName(idx uint16) []string {
	if f.in.idx == nil {
		return nil
	}
	infos := rtInfos()
	parts := infos[idx].parts
	var out []string
	for _, kf := range keyedFieldsOf(f.in.v.Type()) {
		s, ok := f.in.strPath(kf.path)
		if !ok || !isARN(s) || strings.ContainsAny(s, "*?$") {
			continue
		}
		if s = trimLogsWildcard(s); !matchParts(parts, s) {
			continue
		}
		other := false
		for _, r := range f.res {
			if r.rt != idx && matchParts(infos[r.rt].parts, s) {
				other = true
			}
		}
		if !other {
			out = appendUnique(out, s)
		}
	}
	return out
}
