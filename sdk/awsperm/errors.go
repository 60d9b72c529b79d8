package awsperm

import (
	"fmt"
	"strings"
)

// DeniedError is the guard's answer to a call its policies do not allow. The call
// never reached serialization, signing or the network.
type DeniedError struct {
	ServiceID string // "S3"
	Operation string // "GetObject"
	Action    string // "s3:GetObject"
	// Resource is the ARN filled from the input, "*", or the ARN with the parts
	// the guard could not fill left as ${Name} placeholders.
	Resource string
	// Statement names the deciding statement: the Sid (or "Statement[i]" of policy
	// p) of an explicit Deny; empty for an implicit deny (no statement allows).
	Statement string
	Explicit  bool
	// Unfilled says why Resource is not a whole ARN when a resource type could
	// not be filled from the input.
	Unfilled string
	// Unknowns are what the guard could not observe and the decision depended on
	// (Account, a resource part, a condition key, the principal): unknown is not
	// absent, so an Allow did not apply or a Deny did. Error says how to make each
	// known.
	Unknowns []string
	// NoResourcePolicy names the resource-based policy AWS requires ("key policy",
	// "trust policy") that the guard was not given (ResourcePolicy).
	NoResourcePolicy string
	// Refused says why a policy (one given by ResourcePolicies) was refused.
	Refused string
}

func (e *DeniedError) Error() string {
	s := fmt.Sprintf("awsperm: %s %s denied: %s on %s", e.ServiceID, e.Operation, e.Action, e.Resource)
	switch {
	case e.Refused != "":
		s += ": a policy was refused: " + e.Refused
	case e.Explicit:
		s += " by explicit deny in " + e.Statement
	case e.NoResourcePolicy != "":
		s += fmt.Sprintf(": no %s given (AWS requires one that allows it: awsperm.ResourcePolicy or awsperm.ResourcePolicies)", e.NoResourcePolicy)
	default:
		s += ": no statement allows it (implicit deny)"
	}
	if len(e.Unknowns) > 0 {
		hows := make([]string, len(e.Unknowns))
		for i, u := range e.Unknowns {
			hows[i] = u + " (" + howToKnow(u, e.Unfilled) + ")"
		}
		s += "; decided with unknowns, which are not read as absent: " + strings.Join(hows, ", ")
	} else if e.Unfilled != "" {
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
	return fmt.Sprintf("awsperm: cannot map %s %s to IAM actions: %s (permgen's operation table, sdk/awsperm/operations.json, lacks it: report the service ID and operation to permgen; until then the guard refuses the call and the recorder's Policy reports it)", e.ServiceID, e.Operation, e.Reason)
}
