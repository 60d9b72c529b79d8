package camhttp

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/camguard"
	"github.com/permgen/permgen/templates/campolicy"
)

// A guard without Options.Uin decides the uin as unknown (issue 17, item 1): the call's
// resource keeps ${uin}, and a deny on the real resource applies.
func TestNoUinIsUnknown(t *testing.T) {
	o := opts
	o.Uin = ""
	rec, _ := record(t, o, tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 1400001}`))
	c := rec.Calls()[0]
	if got := c.Resources; len(got) != 1 || got[0].String() != "qcs::ccc::uin/${uin}:SdkAppId/1400001" ||
		!slices.Equal(c.Unknown.Parts, []string{"uin"}) || !slices.Equal(c.Unfilled, []string{"${uin}"}) {
		t.Errorf("call without a uin: resources %v, unknown %+v, unfilled %v", got, c.Unknown, c.Unfilled)
	}
	if h := c.Hints["uin"]; !strings.Contains(h, "camhttp.Options{Uin: …}") {
		t.Errorf("hint for the uin: %q", h)
	}
	p, err := campolicy.Parse([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"*"},
		{"effect":"deny","action":"ccc:DescribeTelCdr","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	api := &sink{}
	o.Next = api
	_, err = New(&camguard.Guard{Policy: p, Next: Forward}, o).RoundTrip(tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 1400001}`))
	var denied *camguard.DeniedError
	if !errors.As(err, &denied) || api.req != nil || !strings.Contains(err.Error(), "camhttp.Options{Uin: …}") {
		t.Errorf("denied call without a uin: %v (sent: %v)", err, api.req != nil)
	}
}

// TestSameBodyTwoActions (item 4): the retry key tells apart two actions whose
// requests differ only in X-TC-Action, and two versions or regions of one action.
func TestSameBodyTwoActions(t *testing.T) {
	a := tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 1}`)
	b := tc3(t, http.MethodPost, "ccc", "DescribeTelCallInfo", `{"SdkAppId": 1}`)
	c := tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 1}`)
	c.Header.Set("X-TC-Region", "ap-shanghai")
	d := tc3(t, http.MethodGet, "ccc", "DescribeTelCdr", "SdkAppId=1")
	e := tc3(t, http.MethodGet, "ccc", "DescribeTelCallInfo", "SdkAppId=1")
	rec, _ := record(t, opts, a, b, c, d, e)
	if n := len(rec.Calls()); n != 5 {
		t.Errorf("recorded %d calls, want 5", n)
	}
}
