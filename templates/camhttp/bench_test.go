package camhttp

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/camguard"
	"github.com/permgen/permgen/templates/campolicy"
)

// BenchmarkRoundTrip is camhttp's cost per SDK call, without the network: read a TC3
// JSON request, look the action up, fill its resource, pass it through a Guard to an
// API that answers at once. Each iteration's body differs, so none is a retry.
func BenchmarkRoundTrip(b *testing.B) {
	p, err := campolicy.New(campolicy.Allow(telCdr))
	if err != nil {
		b.Fatal(err)
	}
	api := &sink{}
	o := opts
	o.Next = api
	rt := New(&camguard.Guard{Policy: p, Next: Forward}, o)
	reqs := make([]*http.Request, b.N)
	for i := range reqs {
		body := `{"SdkAppId": ` + strconv.Itoa(1400000+i) + `, "StartTimeStamp": 1773041460, "EndTimeStamp": 1773042460, "Limit": 100, "Offset": 0}`
		r, _ := http.NewRequest(http.MethodPost, "https://ccc.tencentcloudapi.com/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Authorization", "TC3-HMAC-SHA256 Credential=AKID/2026-11-29/ccc/tc3_request, SignedHeaders=content-type;host, Signature=00")
		r.Header.Set("X-TC-Action", "DescribeTelCdr")
		r.Header.Set("X-TC-Version", "2020-02-10")
		r.Header.Set("X-TC-Region", "ap-guangzhou")
		r.Header.Set("X-TC-Timestamp", "1790000000")
		reqs[i] = r
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		resp, err := rt.RoundTrip(reqs[i])
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
}
