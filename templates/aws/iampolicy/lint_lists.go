package iampolicy

// The lists below are the part of the security checks the catalog cannot give:
// which actions hand out credentials, which combinations let a principal raise
// its own permissions, and which actions write a resource's policy. Each entry
// names its source; TestLintListsInCatalog (gen) fails when an action leaves
// the Service Authorization Reference. Permissions management, the fourth list,
// is the catalog's own access level and needs no list.

// credentialActions return credentials, tokens or passwords to the caller, as
// the action's description in the Service Authorization Reference says
// ("Grants permission to obtain ... credentials", "... an authorization
// token", "... the password"). Names are lower case.
var credentialActions = map[string]string{
	"sts:assumerole":                                      "temporary credentials of a role",
	"sts:assumerolewithsaml":                              "temporary credentials of a role, for a SAML assertion",
	"sts:assumerolewithwebidentity":                       "temporary credentials of a role, for a web identity token",
	"sts:getfederationtoken":                              "temporary credentials for a federated user",
	"sts:getsessiontoken":                                 "temporary credentials of the caller",
	"iam:createaccesskey":                                 "a new secret access key of a user",
	"iam:createloginprofile":                              "a console password of a user",
	"iam:updateloginprofile":                              "a console password of a user",
	"iam:createservicespecificcredential":                 "a password for CodeCommit, Keyspaces or Bedrock",
	"iam:resetservicespecificcredential":                  "a new password for CodeCommit, Keyspaces or Bedrock",
	"ecr:getauthorizationtoken":                           "a registry password, valid 12 hours",
	"ecr-public:getauthorizationtoken":                    "a registry password",
	"codeartifact:getauthorizationtoken":                  "a repository token",
	"redshift:getclustercredentials":                      "a database user's temporary password",
	"redshift:getclustercredentialswithiam":               "a database user's temporary password",
	"redshift-serverless:getcredentials":                  "a database user's temporary password",
	"cognito-identity:getcredentialsforidentity":          "AWS credentials for an identity",
	"cognito-identity:getopenidtoken":                     "an OpenID token for an identity",
	"cognito-identity:getopenidtokenfordeveloperidentity": "an OpenID token for a developer identity",
	"ec2:getpassworddata":                                 "the encrypted Windows administrator password of an instance",
	"lightsail:getinstanceaccessdetails":                  "the SSH key or password of an instance",
	"lightsail:getrelationaldatabasemasteruserpassword":   "a database's master password",
	"gamelift:getinstanceaccess":                          "credentials to log in to a fleet instance",
	"gamelift:requestuploadcredentials":                   "credentials to upload a build",
	"secretsmanager:getsecretvalue":                       "the secret itself",
}

// escalationMethod is a set of actions that together let a principal raise its
// own permissions.
type escalationMethod struct {
	actions []string // lower case
	how     string
}

// escalationMethods are the 21 methods of Rhino Security Labs' "AWS IAM
// Privilege Escalation – Methods and Mitigation" (Spencer Gietzen, 2018), with
// two later ones of Bishop Fox's iam-vulnerable (2021) marked as such.
var escalationMethods = []escalationMethod{
	{[]string{"iam:createpolicyversion"}, "a new default version of a policy attached to the principal may grant anything"},
	{[]string{"iam:setdefaultpolicyversion"}, "an older, wider version of an attached policy may be made the default"},
	{[]string{"iam:passrole", "ec2:runinstances"}, "an instance started with a more privileged role hands out its credentials"},
	{[]string{"iam:createaccesskey"}, "access keys may be created for a more privileged user"},
	{[]string{"iam:createloginprofile"}, "a console password may be set for a more privileged user"},
	{[]string{"iam:updateloginprofile"}, "a more privileged user's console password may be changed"},
	{[]string{"iam:attachuserpolicy"}, "any managed policy may be attached to the principal's own user"},
	{[]string{"iam:attachgrouppolicy"}, "any managed policy may be attached to the principal's group"},
	{[]string{"iam:attachrolepolicy", "sts:assumerole"}, "any managed policy may be attached to a role the principal may assume"},
	{[]string{"iam:putuserpolicy"}, "any inline policy may be written for the principal's own user"},
	{[]string{"iam:putgrouppolicy"}, "any inline policy may be written for the principal's group"},
	{[]string{"iam:putrolepolicy", "sts:assumerole"}, "any inline policy may be written for a role the principal may assume"},
	{[]string{"iam:addusertogroup"}, "the principal may join a more privileged group"},
	{[]string{"iam:updateassumerolepolicy", "sts:assumerole"}, "the trust policy of a more privileged role may be changed to let the principal in"},
	{[]string{"iam:passrole", "lambda:createfunction", "lambda:invokefunction"}, "a function run with a more privileged role acts for the principal"},
	{[]string{"iam:passrole", "lambda:createfunction", "lambda:createeventsourcemapping"}, "a function run with a more privileged role acts for the principal"},
	{[]string{"lambda:updatefunctioncode"}, "the code of a function with a more privileged role may be replaced"},
	{[]string{"iam:passrole", "glue:createdevendpoint"}, "a Glue development endpoint with a more privileged role may be reached over SSH"},
	{[]string{"glue:updatedevendpoint"}, "the SSH key of a Glue development endpoint with a more privileged role may be replaced"},
	{[]string{"iam:passrole", "cloudformation:createstack"}, "a stack created with a more privileged role creates what it wants"},
	{[]string{"iam:passrole", "datapipeline:createpipeline", "datapipeline:putpipelinedefinition"}, "a pipeline run with a more privileged role runs commands for the principal"},
	// Bishop Fox, iam-vulnerable:
	{[]string{"iam:passrole", "codebuild:createproject", "codebuild:startbuild"}, "a build run with a more privileged role runs commands for the principal"},
	{[]string{"iam:passrole", "sagemaker:createnotebookinstance", "sagemaker:createpresignednotebookinstanceurl"}, "a notebook with a more privileged role opens a shell for the principal"},
}

// resourcePolicyWriter is an action that changes who may use a resource, and
// the actions on that resource the principal could grant itself with it.
type resourcePolicyWriter struct {
	writer string
	data   []string
}

// resourcePolicyWriters: parliament's bucket check (PutBucketPolicy, PutBucketAcl
// and PutLifecycleConfiguration on a bucket against GetObject, PutObject and
// DeleteObject on its objects; parliament/policy.py, check_for_bad_patterns),
// and the same reading for the other services whose resources carry a policy
// the Service Authorization Reference marks Permissions management.
var resourcePolicyWriters = []resourcePolicyWriter{
	{"s3:putbucketpolicy", []string{"s3:getobject", "s3:putobject", "s3:deleteobject"}},
	{"s3:putbucketacl", []string{"s3:getobject", "s3:putobject", "s3:deleteobject"}},
	{"s3:putlifecycleconfiguration", []string{"s3:deleteobject"}},
	{"lambda:addpermission", []string{"lambda:invokefunction"}},
	{"sqs:addpermission", []string{"sqs:sendmessage", "sqs:receivemessage", "sqs:deletemessage"}},
	{"sns:addpermission", []string{"sns:publish", "sns:subscribe"}},
	{"kms:putkeypolicy", []string{"kms:decrypt", "kms:encrypt"}},
	{"ecr:setrepositorypolicy", []string{"ecr:batchgetimage", "ecr:putimage"}},
	{"secretsmanager:putresourcepolicy", []string{"secretsmanager:getsecretvalue"}},
}

// LintListActions returns every action the lists above name, lower case, for a
// test that checks them against the catalog.
func LintListActions() []string {
	var out []string
	for a := range credentialActions {
		out = append(out, a)
	}
	for _, m := range escalationMethods {
		out = append(out, m.actions...)
	}
	for _, w := range resourcePolicyWriters {
		out = append(out, w.writer)
		out = append(out, w.data...)
	}
	return out
}
