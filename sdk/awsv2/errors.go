package awsperm

import "fmt"

// DeniedError is the guard's answer to a call its policies do not allow. The call
// never reached serialization, signing or the network.
type DeniedError struct {
	ServiceID string // "S3"
	Operation string // "GetObject"
	Action    string // "s3:GetObject"
	Resource  string // the ARN filled from the input, or "*"
	// Statement names the deciding statement: the Sid (or "Statement[i]" of policy
	// p) of an explicit Deny; empty for an implicit deny (no statement allows).
	Statement string
	Explicit  bool
	// Unfilled says why Resource is "*" when a required resource type could not be
	// filled from the input.
	Unfilled string
}

func (e *DeniedError) Error() string {
	s := fmt.Sprintf("awsperm: %s %s denied: %s on %s", e.ServiceID, e.Operation, e.Action, e.Resource)
	if e.Explicit {
		s += " by explicit deny in " + e.Statement
	} else {
		s += ": no statement allows it (implicit deny)"
	}
	if e.Unfilled != "" {
		s += "; resource not filled: " + e.Unfilled
	}
	return s
}

// UnmappedError is a call whose service or operation the table does not know. The
// guard refuses it (it cannot tell what it needs); the recorder records it and
// Policy reports it.
type UnmappedError struct {
	ServiceID, Operation string
	Reason               string
}

func (e *UnmappedError) Error() string {
	// The hint is for the program's author, who cannot edit this module's table:
	// what to report, and what the guard does meanwhile.
	return fmt.Sprintf("awsperm: cannot map %s %s to IAM actions: %s (permgen's operation table, sdk/awsv2/operations.json, lacks it: report the service ID and operation to permgen; until then the guard refuses the call and the recorder's Policy reports it)", e.ServiceID, e.Operation, e.Reason)
}
