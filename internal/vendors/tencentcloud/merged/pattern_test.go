package merged

import "testing"

// Each case is a pattern as an old page writes it (README §2 of the source data).
func TestNormalizePattern(t *testing.T) {
	for _, tc := range []struct{ raw, prefix, want string }{
		{"qcs::cvm:$region:$account:instance/$instanceId", "cvm", "qcs::cvm:${region}:uin/${uin}:instance/${instanceId}"},
		{"qcs::cvm:$region::instance/*", "cvm", "qcs::cvm:${region}::instance/*"},
		{"qcs::ccs:$region:$account:cluster/$clusterId", "tke", "qcs::tke:${region}:uin/${uin}:cluster/${clusterId}"},
		{"qcs::privatedns::zone/${ZoneId}", "privatedns", "qcs::privatedns::uin/${uin}:zone/${ZoneId}"},
		{"qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*", "cos", "qcs::cos:ap-guangzhou:uid/${uid}:examplebucket-1250000000/*"},
		{"qcs::${ApiModule}:${Region}:uin/:domain/${DomainName}", "live", "qcs::live:${region}:uin/:domain/${DomainName}"},
		{"qcs:$projectid:clb:$region:$account:clb/*", "clb", "qcs:${projectid}:clb:${region}:uin/${uin}:clb/*"},
		{"qcs::csg:${Region}:uin/${OwnerUin}:gateway/${gatewayid}", "csg", "qcs::csg:${region}:uin/${uin}:gateway/${gatewayid}"},
		{"qcs::chdfs:${region-id}:uin/${account-uin}:mountpoint/${mount-point-id}", "chdfs", "qcs::chdfs:${region}:uin/${uin}:mountpoint/${mount_point_id}"},
		{"qcs::tdmq:$region:$account:cluster/$clusterId/topic/$topicName", "tdmq", "qcs::tdmq:${region}:uin/${uin}:cluster/${clusterId}/topic/${topicName}"},
	} {
		got, _, err := normalizePattern(tc.raw, tc.prefix)
		if err != nil || got != tc.want {
			t.Errorf("normalizePattern(%q) = %q, %v; want %q", tc.raw, got, err, tc.want)
		}
	}
	for _, bad := range []string{"qcs::cvm", "qcs::CVM:$region:$account:instance/*", "qcs::cvm:$region:$account:"} {
		if got, _, err := normalizePattern(bad, "cvm"); err == nil {
			t.Errorf("normalizePattern(%q) = %q, want an error", bad, got)
		}
	}
}
