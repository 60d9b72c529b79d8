package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/permgen/permgen/templates/aws/iampolicy"
)

type peerResult struct {
	ID         int    `json:"id"`
	Decision   string `json:"decision"`
	Error      string `json:"error"`
	ResultType string `json:"resultType"`
	// Ignored lists the context keys the peer dropped because its catalog does
	// not give them to the action (e.g. cognito-identity.amazonaws.com:sub).
	Ignored []string `json:"ignored"`
}

// Decide runs iampolicy on one case.
func Decide(c *Case) (iampolicy.Decision, error) {
	rb, _ := json.Marshal(c.Request)
	req, err := iampolicy.ParseRequest(rb)
	if err != nil {
		return iampolicy.Decision{}, err
	}
	parse := func(p any) (*iampolicy.Policy, error) {
		b, _ := json.Marshal(p)
		return iampolicy.Parse(b)
	}
	ps := iampolicy.Policies{ResourceAccount: c.ResourceAccount}
	for _, p := range c.Identity {
		q, err := parse(p)
		if err != nil {
			return iampolicy.Decision{}, err
		}
		ps.Identity = append(ps.Identity, q)
	}
	if c.Boundary != nil {
		if ps.Boundary, err = parse(c.Boundary); err != nil {
			return iampolicy.Decision{}, err
		}
	}
	if c.ResourcePolicy != nil {
		if ps.Resource, err = parse(c.ResourcePolicy); err != nil {
			return iampolicy.Decision{}, err
		}
	}
	d := iampolicy.EvaluateAll(req, ps)
	if d.Outcome == iampolicy.Refused {
		return d, fmt.Errorf("%s", d.Refusal())
	}
	return d, nil
}

func readLines[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

func runCompare(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	casesPath := fs.String("cases", "", "cases.jsonl from gen")
	peerPath := fs.String("peer", "", "peer.jsonl from peer.cjs")
	freeze := fs.Int("freeze", 0, "write every Nth agreeing case, and every disagreement, to -out")
	outPath := fs.String("out", "", "frozen cases file")
	diffPath := fs.String("disagreements", "", "write each disagreement as a JSON line here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cases, err := readLines[Case](*casesPath)
	if err != nil {
		return err
	}
	peers, err := readLines[peerResult](*peerPath)
	if err != nil {
		return err
	}
	byID := map[int]peerResult{}
	for _, p := range peers {
		byID[p.ID] = p
	}
	var agree, disagree, peerErr, ownErr, wildcard int
	outcomes := map[string]int{}
	var frozen, diffs []Case
	kinds := map[string]int{}
	refused := map[string]int{} // by reason, with the peer's answer
	for i := range cases {
		c := &cases[i]
		p, ok := byID[c.ID]
		if !ok || p.Error != "" {
			peerErr++
			continue
		}
		if p.ResultType == "wildcard" {
			// The peer's catalog gives the action a resource type where ours has
			// none, so it simulated "*" as a pattern over resources: not the
			// same question.
			wildcard++
			continue
		}
		d, err := Decide(c)
		if err != nil {
			ownErr++
			refused[refusalKind(c, err)]++
			if c.Note != wrongType {
				fmt.Fprintf(out, "case %d: iampolicy refused it: %v\n", c.ID, err)
			}
			continue
		}
		mine := d.Outcome.String()
		if mine == p.Decision {
			agree++
			outcomes[mine]++
			if *freeze > 0 && (agree%*freeze == 0 || c.Note != "") { // and every guide example
				c.Expect = mine
				frozen = append(frozen, *c)
			}
			continue
		}
		disagree++
		verdict := classify(c, p.Decision)
		if verdict == "unexplained" {
			verdict = contextVerdict(c, p.Decision, p.Ignored)
		}
		kinds[verdict]++
		note := fmt.Sprintf("%s: iampolicy %s (%s); peer %s", verdict, mine, d.String(), p.Decision)
		if c.Note != "" {
			note += " [" + c.Note + "]" // keep the guide page it comes from
		}
		c.Note = note
		c.Expect = mine
		diffs = append(diffs, *c)
	}
	fmt.Fprintf(out, "cases %d, compared %d, agreed %d, disagreed %d, peer errors %d, peer wildcard simulations %d, refused by iampolicy %d\n",
		len(cases), agree+disagree, agree, disagree, peerErr, wildcard, ownErr)
	keys := make([]string, 0, len(outcomes))
	for k := range outcomes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(out, "  agreed %s: %d\n", k, outcomes[k])
	}
	keys = keys[:0]
	for k := range kinds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(out, "  disagreed, verdict %s: %d\n", k, kinds[k])
	}
	keys = keys[:0]
	for k := range refused {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(out, "  refused by iampolicy, %s: %d\n", k, refused[k])
	}
	if *diffPath != "" {
		if err := writeLines(*diffPath, diffs); err != nil {
			return err
		}
	}
	if *outPath != "" {
		if err := writeLines(*outPath, frozen); err != nil {
			return err
		}
	}
	return nil
}

// refusalKind groups iampolicy's refusals for the report.
func refusalKind(c *Case, err error) string {
	if c.Note == wrongType {
		return "a condition value not of its operator's type"
	}
	return "other: " + err.Error()
}

func writeLines(path string, cs []Case) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, c := range cs {
		if err := enc.Encode(c); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
