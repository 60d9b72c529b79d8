package naming

import (
	"sort"
	"strconv"
	"strings"
)

// awsReserved are package names the AWS tree uses for itself; a prefix that would
// take one gets the suffix "service" (the IAM service, prefix "iam", is
// generated/aws/iamservice).
var awsReserved = map[string]bool{"iam": true, "iamarn": true, "iampolicy": true, "global": true, "catalog": true, "internal": true, "testdata": true}

// AWSPackageNames maps each AWS service prefix to its Go package name: the prefix
// lower-cased with every character that is not a letter or digit dropped
// ("bedrock-agentcore" -> "bedrockagentcore"), "p" before a leading digit or a Go
// keyword, "service" after a name the tree reserves. Prefixes that still meet are
// taken in sorted order: the first keeps the name, the n-th gets the suffix n
// ("a-b" -> "ab", then "ab" -> "ab2"). The result depends on the set of prefixes,
// never on the order of the pages.
func AWSPackageNames(prefixes []string) map[string]string {
	ps := append([]string(nil), prefixes...)
	sort.Strings(ps)
	out := map[string]string{}
	taken := map[string]int{}
	for _, p := range ps {
		if _, dup := out[p]; dup {
			continue
		}
		n := PackageName(p)
		if awsReserved[n] {
			n += "service"
		}
		taken[n]++
		if c := taken[n]; c > 1 {
			n += strconv.Itoa(c)
			taken[n]++
		}
		out[p] = n
	}
	return out
}

// AWSFixed are the identifiers every generated AWS service package declares
// besides its actions, ARN builders and condition keys.
var AWSFixed = []string{"Action", "Actions", "ParseAction", "ReadActions", "WriteActions", "ListActions",
	"TaggingActions", "PermissionsManagementActions", "ResourceTypes", "LookupResourceType", "ConditionKeys",
	"Prefix", "ServiceName"}

// ARNBuilder is the builder of an AWS resource type: <Type>ARN (ObjectARN,
// DurableExecutionARN for Lambda's "durable execution").
func ARNBuilder(typ string) string { return Ident(typ, "ARN") }

// ARNParam is the parameter of an ARN builder for a placeholder (BucketName ->
// bucketName); it never shadows the runtime packages the builder uses.
func ARNParam(placeholder string) string {
	n := Param(placeholder)
	if n == "iam" || n == "iamarn" {
		n += "_"
	}
	return n
}

// ConditionKeyPieces cuts a key name at its placeholders, written ${Name} or
// <name>: the result alternates literal text and placeholder names, starting and
// ending with literal text (possibly empty).
func ConditionKeyPieces(name string) []string {
	var out []string
	lit := ""
	for s := name; s != ""; {
		i := strings.IndexAny(s, "$<")
		if i < 0 {
			lit += s
			break
		}
		end, skip := "}", 2
		if s[i] == '<' {
			end, skip = ">", 1
		} else if !strings.HasPrefix(s[i:], "${") {
			lit += s[:i+1]
			s = s[i+1:]
			continue
		}
		j := strings.Index(s[i:], end)
		if j < 0 || j == skip {
			lit += s
			break
		}
		out = append(out, lit+s[:i], s[i+skip:i+j])
		lit = ""
		s = s[i+j+1:]
	}
	return append(out, lit)
}

// conditionKeyWords are the words of a key's Go name: ConditionKey, the prefix
// when it is not the package's own, the literal text after it.
func conditionKeyWords(prefix string, pieces []string) []string {
	kp, rest, ok := strings.Cut(pieces[0], ":")
	switch {
	case !ok:
		return []string{"ConditionKey", pieces[0]}
	case !strings.EqualFold(kp, prefix):
		return []string{"ConditionKey", kp, rest}
	}
	return []string{"ConditionKey", rest}
}

// ConditionKey is the Go name of key in a package whose own prefix is prefix:
// ConditionKey and the literal words of the name after the prefix, placeholders
// left out ("s3:authType" -> ConditionKeyAuthType, "aws:RequestTag/${TagKey}" in
// package global -> ConditionKeyRequestTag,
// "codebuild:fileSystemLocations/${identifier}.type" ->
// ConditionKeyFileSystemLocationsType), and the parameters of a templated key's
// function, one per placeholder. A key of another prefix keeps it in its name.
func ConditionKey(prefix, key string) (ident string, params []string) {
	pieces := ConditionKeyPieces(key)
	words := conditionKeyWords(prefix, pieces)
	for i := 2; i < len(pieces); i += 2 {
		words = append(words, pieces[i])
	}
	used := map[string]int{}
	for i := 1; i < len(pieces); i += 2 {
		n := ARNParam(pieces[i])
		used[n]++
		if used[n] > 1 {
			n += strconv.Itoa(used[n])
		}
		params = append(params, n)
	}
	return Ident(words...), params
}

// ConditionKeyWithPlaceholders is the name a templated key gets when its plain
// name is taken: the placeholders' names kept among the words ("ec2:Attribute/
// ${AttributeName}" beside "ec2:Attribute" -> ConditionKeyAttributeAttributeName).
func ConditionKeyWithPlaceholders(prefix, key string) string {
	pieces := ConditionKeyPieces(key)
	return Ident(append(conditionKeyWords(prefix, pieces), pieces[1:]...)...)
}
