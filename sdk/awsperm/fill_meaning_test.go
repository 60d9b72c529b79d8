package awsperm

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"
)

// A placeholder is filled from the field whose words mean the same, and from no
// field when two could: Pinpoint's page, app: arn:${Partition}:mobiletargeting:
// ${Region}:${Account}:apps/${AppId}, the API's ApplicationId; RDS's page, db:
// arn:${Partition}:rds:${Region}:${Account}:db:${DbInstanceName}, the API's
// DBInstanceIdentifier ("The DB instance identifier", the name in the ARN); WAF's
// page, bytematchset: arn:${Partition}:waf::${Account}:bytematchset/${Id}.
func TestFieldByMeaning(t *testing.T) {
	cases := []struct {
		id, op string
		in     any
		want   string
	}{
		{"Pinpoint", "GetApp", &struct{ ApplicationId *string }{aws.String("a1")}, "mobiletargeting:GetApp arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1"},
		{"RDS", "StopDBInstance", &struct{ DBInstanceIdentifier *string }{aws.String("db1")}, "rds:StopDBInstance arn:aws:rds:us-east-1:123456789012:db:db1"},
		{"WAF", "DeleteByteMatchSet", &struct{ ByteMatchSetId *string }{aws.String("b1")}, "waf:DeleteByteMatchSet arn:aws:waf::123456789012:bytematchset/b1"},
		// One level down: the struct's field of the placeholder's name, or the
		// struct named after the resource holding its Name.
		{"Budgets", "UpdateBudget", &struct{ NewBudget *struct{ BudgetName *string } }{&struct{ BudgetName *string }{aws.String("bud")}},
			"budgets:ModifyBudget arn:aws:budgets::123456789012:budget/bud"},
		{"SES", "CreateConfigurationSet", &struct{ ConfigurationSet *struct{ Name *string } }{&struct{ Name *string }{aws.String("cs")}},
			"ses:CreateConfigurationSet arn:aws:ses:us-east-1:123456789012:configuration-set/cs"},
	}
	for _, c := range cases {
		got, _ := requestLines(t, c.id, c.op, c.in)
		if want := []string{c.want}; !cmp.Equal(got, want) {
			t.Errorf("%s %s: %q, want %q", c.id, c.op, got, want)
		}
	}
	// Two fields that both mean ${AppId}: not guessed between, reported.
	type request struct{ ApplicationId *string }
	got, c := requestLines(t, "Pinpoint", "GetApp", &struct {
		ApplicationId *string
		Request       *request
	}{aws.String("a1"), &request{aws.String("a2")}})
	if len(got) != 1 || !strings.HasSuffix(got[0], " *") || !strings.Contains(c.Requests[0].Unfilled, "not guessed") {
		t.Errorf("two fields for ${AppId}: %q (%+v), want * with the reason", got, c.Requests)
	}
	// A word the table does not hold is no synonym: Ident is not Identifier.
	got, _ = requestLines(t, "Pinpoint", "GetApp", &struct{ ApplicationIdent *string }{aws.String("a1")})
	if len(got) != 1 || !strings.HasSuffix(got[0], " *") {
		t.Errorf("ApplicationIdent: %q, want *", got)
	}
}

// The synonym table is small and each entry is a word of some placeholder on the
// pages: an entry no page uses would only widen the matching.
func TestWordSynonymsOnThePages(t *testing.T) {
	words := map[string]bool{}
	for _, info := range rtInfos() {
		for _, p := range info.parts {
			if p.placeholder {
				for _, w := range nameWords(p.text) {
					words[w] = true
				}
			}
		}
	}
	if len(wordSynonyms) > 8 {
		t.Errorf("%d synonyms: the table is meant to stay small (docs/sdk-resources.md)", len(wordSynonyms))
	}
	for long, short := range wordSynonyms {
		if !words[long] && !words[short] {
			t.Errorf("synonym %s/%s: neither is a word of any placeholder on the pages", long, short)
		}
	}
	for name, want := range map[string][]string{
		"DBClusterIdentifier": {"db", "cluster", "identifier"}, "WebACLId": {"web", "acl", "id"},
		"Ipv4PoolEc2Id": {"ipv4", "pool", "ec2", "id"}, "LocalGatewayRoutetableId": {"local", "gateway", "routetable", "id"},
	} {
		if got := nameWords(name); !cmp.Equal(got, want) {
			t.Errorf("nameWords(%s) = %q, want %q", name, got, want)
		}
	}
}

// A whole ARN in a field of any name is the resource when it is of this type's
// form and of no other type of the action (RoboMaker's page, worldExportJob:
// arn:${Partition}:robomaker:${Region}:${Account}:world-export-job/${WorldExportJobId};
// the API's field is job). An ARN two of the action's types could be is not
// guessed at (Amplify's page: apps/${AppId} and apps/${AppId}/branches/${BranchName}
// both hold a branch's ARN, since a name may hold "/").
func TestARNInFieldOfAnyName(t *testing.T) {
	job := "arn:aws:robomaker:us-east-1:123456789012:world-export-job/j1"
	got, _ := requestLines(t, "RoboMaker", "CancelWorldExportJob", &struct{ Job *string }{aws.String(job)})
	if want := []string{"robomaker:CancelWorldExportJob " + job}; !cmp.Equal(got, want) {
		t.Errorf("Job: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "RoboMaker", "CancelWorldExportJob", &struct{ Job *string }{aws.String("arn:aws:robomaker:us-east-1:123456789012:deployment-job/j1")})
	if len(got) != 1 || !strings.HasSuffix(got[0], " *") {
		t.Errorf("a deployment job's ARN for a world export job: %q, want *", got)
	}
	branch := "arn:aws:amplify:us-east-1:123456789012:apps/a1/branches/main"
	got, _ = requestLines(t, "Amplify", "TagResource", &struct{ Resource *string }{aws.String(branch)})
	for _, g := range got {
		if strings.Contains(g, "apps/a1") {
			t.Errorf("an ARN of two of the action's types was taken: %q", got)
		}
	}
}

// A template that names no part of the resource (DMS's page, ReplicationInstance:
// arn:${Partition}:dms:${Region}:${Account}:rep:*) is written as the ARN the input
// names when that ARN has the template's form, which is narrower: IAM User Guide,
// "You can use wildcard characters (* and ?) within any ARN segment"; an asterisk
// "represents any combination of zero or more characters". An ARN of another form
// leaves the template.
func TestTemplateWildcardNarrowedToTheNamedARN(t *testing.T) {
	rep := "arn:aws:dms:us-east-1:123456789012:rep:ABCDEF"
	got, _ := requestLines(t, "Database Migration Service", "DeleteReplicationInstance", &struct{ ReplicationInstanceArn *string }{aws.String(rep)})
	if want := []string{"dms:DeleteReplicationInstance " + rep}; !cmp.Equal(got, want) {
		t.Errorf("rep ARN: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "Database Migration Service", "DeleteReplicationInstance", &struct{ ReplicationInstanceArn *string }{aws.String("arn:aws:dms:us-east-1:123456789012:endpoint:ABCDEF")})
	if want := []string{"dms:DeleteReplicationInstance arn:aws:dms:us-east-1:123456789012:rep:*"}; !cmp.Equal(got, want) {
		t.Errorf("an endpoint's ARN: %q, want %q", got, want)
	}
	for _, c := range []struct {
		arn  string
		want bool
	}{{rep, true}, {"arn:aws:dms:us-east-1:123456789012:rep:", false}, {"arn:aws:dms:us-east-1:123456789012:task:X", false}} {
		if got := matchTemplate("arn:${Partition}:dms:${Region}:${Account}:rep:*", c.arn); got != c.want {
			t.Errorf("matchTemplate(rep:*, %s) = %t, want %t", c.arn, got, c.want)
		}
	}
}

// RDS's page names a cluster arn:${Partition}:rds:${Region}:${Account}:cluster:${DbClusterInstanceName};
// the API's field is DBClusterIdentifier (an alias of the service, with the page).
// Chime's page writes the account field ${AccountId}
// (arn:${Partition}:chime:${Region}:${AccountId}:meeting/${MeetingId}): the
// account that owns the meeting, the config's as for ${Account}; a Chime account's
// UUID in the input's AccountId is no AWS account and is not written there.
func TestServiceAliasAndAccountField(t *testing.T) {
	got, _ := requestLines(t, "RDS", "StopDBCluster", &struct{ DBClusterIdentifier *string }{aws.String("c1")})
	if want := []string{"rds:StopDBCluster arn:aws:rds:us-east-1:123456789012:cluster:c1"}; !cmp.Equal(got, want) {
		t.Errorf("DBClusterIdentifier: %q, want %q", got, want)
	}
	meeting := "arn:aws:chime:us-east-1:123456789012:meeting/m1"
	got, _ = requestLines(t, "Chime", "GetMeeting", &struct{ MeetingId *string }{aws.String("m1")})
	if want := []string{"chime:GetMeeting " + meeting}; !cmp.Equal(got, want) {
		t.Errorf("GetMeeting: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "Chime", "GetMeeting", &struct{ AccountId, MeetingId *string }{aws.String("12a3b4c5-0000-1111-2222-333344445555"), aws.String("m1")})
	if want := []string{"chime:GetMeeting " + meeting}; !cmp.Equal(got, want) {
		t.Errorf("GetMeeting with a Chime account: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "Chime", "GetMeeting", &struct{ AccountId, MeetingId *string }{aws.String("210987654321"), aws.String("m1")})
	if want := []string{"chime:GetMeeting arn:aws:chime:us-east-1:210987654321:meeting/m1"}; !cmp.Equal(got, want) {
		t.Errorf("GetMeeting with an AWS account: %q, want %q", got, want)
	}
}

// A placeholder qualified by the start of its type's name is filled from the field
// without the qualifier (Location's page, geofence-collection:
// arn:${Partition}:geo:${Region}:${Account}:geofence-collection/${GeofenceCollectionName};
// the API's CollectionName), unless the field names another type of the action:
// EC2 AssociateRouteTable's GatewayId is "the ID of the internet gateway or virtual
// private gateway" (EC2 API reference), so neither internet-gateway/${InternetGatewayId}
// nor vpn-gateway/${VpnGatewayId} is filled from it.
func TestPlaceholderQualifiedByItsType(t *testing.T) {
	got, _ := requestLines(t, "Location", "DescribeGeofenceCollection", &struct{ CollectionName *string }{aws.String("fences")})
	if want := []string{"geo:DescribeGeofenceCollection arn:aws:geo:us-east-1:123456789012:geofence-collection/fences"}; !cmp.Equal(got, want) {
		t.Errorf("CollectionName: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "EC2", "AssociateRouteTable", &struct{ RouteTableId, GatewayId *string }{aws.String("rtb-1"), aws.String("vgw-1")})
	for _, g := range got {
		if strings.Contains(g, "vgw-1") {
			t.Errorf("GatewayId filled a gateway type: %q", got)
		}
	}
	got, _ = requestLines(t, "EC2", "RunInstances", &struct{ ImageId, SubnetId *string }{aws.String("ami-1"), aws.String("subnet-1")})
	for _, g := range got {
		if strings.Contains(g, "secondary-subnet/") {
			t.Errorf("SubnetId filled the secondary subnet: %q", got)
		}
	}
}
