package awsops

import (
	"encoding/json"
	"fmt"
	"os"
)

// SDKModels is what the aws-sdk-go-v2 service modules say about themselves
// (sdk/awsperm/sdkmodels.json, written by sdkscan from the module cache): the facts
// the operation table is checked against, frozen so that generation and tests run
// offline.
type SDKModels struct {
	Services []SDKService `json:"services"`
}

// SDKService is one service module.
type SDKService struct {
	Module    string `json:"module"`
	Version   string `json:"version"`
	ServiceID string `json:"service_id"` // api_client.go's ServiceID: what the middleware sees
	// SigningName is the SigV4 signing name of the client's default auth scheme:
	// the IAM prefix for nearly every service.
	SigningName string         `json:"signing_name"`
	Operations  []SDKOperation `json:"operations"`
	// TestOnly marks a service of the frozen whole-SDK table (LoadJSTable) that
	// no module of sdkmodels.json has: gen lint -operations reports it, but
	// nothing generated comes from it (no unsigned or API Gateway rows), and it
	// is routed as the guard routes at run time: by ID, else by signing name.
	TestOnly bool `json:"-"`
	// Unrouted is the reason operations.json gives for a service that no IAM
	// prefix authorizes (Overrides.MarkUnrouted).
	Unrouted string `json:"-"`
}

// WithTestModels returns the services of m followed by those of test whose
// service ID m does not have, marked TestOnly.
func (m *SDKModels) WithTestModels(test *SDKModels) *SDKModels {
	out := &SDKModels{Services: append([]SDKService(nil), m.Services...)}
	have := map[string]bool{}
	for _, s := range m.Services {
		have[NormalizeServiceID(s.ServiceID)] = true
	}
	for _, s := range test.Services {
		if !have[NormalizeServiceID(s.ServiceID)] {
			s.TestOnly = true
			out.Services = append(out.Services, s)
		}
	}
	return out
}

// SDKOperation is one operation of a service module.
type SDKOperation struct {
	Name string `json:"name"`
	// Anonymous: the SDK sends the request unsigned (the model's noAuth /
	// optionalAuth), so no caller identity exists for IAM to authorize.
	Anonymous bool `json:"anonymous,omitempty"`
	// Method and Path are the HTTP binding of a REST protocol's operation
	// ("GET", "/restapis/{restApiId}"); Labels map a path label to the input
	// field that fills it.
	Method string            `json:"method,omitempty"`
	Path   string            `json:"path,omitempty"`
	Labels map[string]string `json:"labels,omitempty"`
}

// LoadSDKModels reads sdkmodels.json. A missing file is no models.
func LoadSDKModels(path string) (*SDKModels, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return &SDKModels{}, nil
	}
	if err != nil {
		return nil, err
	}
	var m SDKModels
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i, s := range m.Services {
		if s.ServiceID == "" || len(s.Operations) == 0 {
			return nil, fmt.Errorf("%s: services[%d] (%s): service_id and operations are required", path, i, s.Module)
		}
	}
	return &m, nil
}
