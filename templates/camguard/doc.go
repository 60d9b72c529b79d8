// Package camguard puts CAM policies in front of a program's Tencent Cloud calls. A
// Call is one API request as a transport sees it: the action (a cam.Action from the
// generated catalog), the resources it touches and what the transport could not know
// about them. A Transport sends calls; two wrap another:
//
//   - Guard decides each call with campolicy.EvaluateAll before it leaves the program
//     and returns a *DeniedError, saying why, for one the policies do not allow;
//   - Recorder remembers each call and writes the least-privilege policy that allows
//     them all (campolicy.LeastPrivilege), reporting what it cannot grant rather than
//     granting "*".
//
// camhttp turns the requests of tencentcloud-sdk-go into Calls, so a program sets a
// Guard or a Recorder on its SDK client with one line. The AWS counterparts are the
// Guard and Recorder of sdk/awsperm.
//
// A Guard fails closed: what the call could not fill (Call.Unknown, Call.Unfilled) and
// the condition keys it cannot observe are decided as unknown, never as "no resource"
// or "absent", and the denial says how to make them known.
package camguard
