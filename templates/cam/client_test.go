package cam

import (
	"context"
	"errors"
	"strings"
	"testing"
)

type countingTransport struct{ calls int }

func (t *countingTransport) Do(ctx context.Context, c *Call, response any) error {
	t.calls++
	return nil
}

// TestClientRefusesWithoutAPIVersion: a page whose manifest entry has no api_version
// gives a client that sends nothing, with an error naming the field to set, rather
// than a request with an empty X-TC-Version.
func TestClientRefusesWithoutAPIVersion(t *testing.T) {
	tr := &countingTransport{}
	cfg := ClientConfig{Transport: tr, Region: "ap-guangzhou"}
	err := cfg.Invoke(context.Background(), createStaff, "", nil, nil, nil)
	if !errors.Is(err, ErrNoAPIVersion) || !strings.Contains(err.Error(), `ccc:CreateStaff`) || !strings.Contains(err.Error(), `"api_version"`) {
		t.Errorf("Invoke without a version = %v, want ErrNoAPIVersion naming the action and \"api_version\"", err)
	}
	if tr.calls != 0 {
		t.Error("the call was sent")
	}
	if err := cfg.Invoke(context.Background(), createStaff, "2020-02-10", nil, nil, nil); err != nil || tr.calls != 1 {
		t.Errorf("with a version: %v, %d calls", err, tr.calls)
	}
}
