package awsperm

import "sort"

// routeCall returns the operation table and IAM prefix of a call made by a client
// with that SDK service ID, which signed (or would sign) its request with that
// SigV4 signing name ("" when unknown or unsigned).
//
// The service ID decides first: the table's entries (operations.json's overrides
// with their reasons, the tables of their own for S3 Control and API Gateway v2,
// the IDs whose letters are a prefix) were each checked against a page. A client
// the table does not know by ID is routed by its signing name when that name is an
// IAM prefix of the Service Authorization Reference with an operation table: the
// SDK signs every request for the service that authorizes it, so for nearly every
// service the signing name is the prefix (the exceptions are ID entries). Anything
// else is not routed, and the guard refuses the call.
func routeCall(serviceID, signingName string) (svcRow, bool) {
	if r, ok := route(serviceID); ok {
		return r, true
	}
	return routeBySigningName(signingName)
}

// routeBySigningName routes by a SigV4 signing name alone: only a name that is
// itself a prefix whose own table has operations ("elasticmapreduce", not the
// normalized "ssooauth" of "sso-oauth" nor an SDK service ID that happens to share
// a prefix's letters).
func routeBySigningName(name string) (svcRow, bool) {
	if name == "" {
		return svcRow{}, false
	}
	r, ok := route(name)
	if !ok || r.prefix != name || r.table != name || !hasTable(name) {
		return svcRow{}, false
	}
	return r, true
}

// hasTable reports whether any operation row belongs to the table.
func hasTable(table string) bool {
	i := sort.Search(len(opRows), func(i int) bool { return opRows[i].prefix >= table })
	return i < len(opRows) && opRows[i].prefix == table
}

// signingPairs are the clients the table routes by ID whose SigV4 signing name is
// neither the prefix nor the table they route to, each with why the pair is
// expected. Any other disagreement is refused (signingDisagrees).
var signingPairs = []struct{ id, signingName, reason string }{
	{"iotdataplane", "iotdata", "The IoT data plane client signs as iotdata (its endpoint's signing name), but the Service Authorization Reference has no iotdata prefix: its operations (Publish, GetThingShadow, UpdateThingShadow …) are the iot: actions of the same names."},
	// The pairs below come from the whole-SDK table (testdata/sdkjs): each
	// client signs with its endpoint's historical name, and its page's actions
	// carry the operations' names under the prefix the table routes it to.
	{"cloudcontrol", "cloudcontrolapi", "Cloud Control API signs as cloudcontrolapi; its operations (CreateResource, GetResource, ListResources …) are the cloudformation: actions of the same names on the CloudFormation page."},
	{"cloudwatch", "monitoring", "CloudWatch signs with its endpoint's name, monitoring; its operations (PutMetricData, GetMetricData, PutMetricAlarm …) are the cloudwatch: actions of the same names."},
	{"ioteventsdata", "ioteventsdata", "IoT Events Data signs as ioteventsdata; its operations (BatchPutMessage, DescribeDetector …) are the iotevents: actions of the same names."},
	{"iotjobsdataplane", "iot-jobs-data", "IoT Jobs Data Plane signs as iot-jobs-data; its operations (DescribeJobExecution, StartNextPendingJobExecution …) are the iotjobsdata: actions of the same names."},
	{"iotsecuretunneling", "IoTSecuredTunneling", "IoT Secure Tunneling signs as IoTSecuredTunneling; its operations (OpenTunnel, CloseTunnel, DescribeTunnel …) are the iot: actions of the same names."},
	{"mturk", "mturk-requester", "MTurk signs with its endpoint's name, mturk-requester; its operations are the mechanicalturk: actions of the same names."},
	{"resourcegroupstaggingapi", "tagging", "The Resource Groups Tagging API signs as tagging; its operations (GetResources, TagResources …) are the tag: actions of the same names."},
	{"sso", "awsssoportal", "The SSO portal client signs (when it signs at all: its operations are sent with a bearer token) as awsssoportal; the operations the sso: page names are decided as those actions."},
}

// expectedSigning returns why a client with that service ID signing as name is
// expected, when it is.
func expectedSigning(serviceID, name string) (string, bool) {
	id := normalizeID(serviceID)
	for _, p := range signingPairs {
		if p.id == id && p.signingName == name {
			return p.reason, true
		}
	}
	return "", false
}

// unsignedDecided are the operations the SDK's model sends unsigned that an IAM
// action nonetheless names (op "*": every such operation of the service): the guard decides them by its policies (at
// Initialize), signed or not. Every other unsigned call passes a guard only when
// the table lists it as needing no authorization (opRow.noAuth); a test checks
// this list against the frozen models' unsigned operations.
var unsignedDecided = []struct{ id, op, reason string }{
	{"sts", "AssumeRoleWithSAML", "AWS STS API reference, AssumeRoleWithSAML: \"Calling AssumeRoleWithSAML does not require the use of AWS security credentials.\" The role's trust policy allows sts:AssumeRoleWithSAML; the guard decides it with the trust policy it is given (ResourcePolicy)."},
	{"sts", "AssumeRoleWithWebIdentity", "AWS STS API reference, AssumeRoleWithWebIdentity: \"Calling AssumeRoleWithWebIdentity does not require the use of AWS security credentials.\" The role's trust policy allows sts:AssumeRoleWithWebIdentity; the guard decides it with the trust policy it is given (ResourcePolicy)."},
	{"cognitoidentity", "*", "The SDK's model sends Cognito Identity's GetId, GetCredentialsForIdentity, GetOpenIdToken and UnlinkIdentity unsigned (an identity pool's public calls), yet the cognito-identity page lists actions of their names: the guard decides each by its action, the narrow reading, as it would a signed call."},
	{"cognitoidentityprovider", "*", "The SDK's model sends the user pool's token-authorized calls unsigned (InitiateAuth, SignUp, GetUser, ChangePassword … carry the user's tokens instead), yet the cognito-idp page lists actions of their names: the guard decides each by its action, the narrow reading, as it would a signed call."},
	{"signin", "CreateOAuth2Token", "The SDK's model marks Signin CreateOAuth2Token unauthenticated (sent unsigned), yet the signin page lists the signin:CreateOAuth2Token action: the guard decides it by that action, as it would a signed call."},
}

// decidedUnsigned reports whether an unsigned call of that service and operation
// is one the guard decides by its policies (unsignedDecided).
func decidedUnsigned(serviceID, op string) bool {
	id := normalizeID(serviceID)
	for _, u := range unsignedDecided {
		if u.id == id && (u.op == op || u.op == "*") {
			return true
		}
	}
	return false
}
