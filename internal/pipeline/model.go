package pipeline

import (
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

// Model reads, scrapes and resolves the sources folder in and returns the model
// only, in sources order: what `gen catalog` and `gen diff` read. It emits nothing,
// so it costs what scraping costs. Derived facts (Tencent resource types, scope
// implications) are derived as generate derives them.
func Model(in string) ([]*model.Service, error) {
	services, err := resolved(in)
	if err != nil {
		return nil, err
	}
	for _, s := range services {
		resolve.Derive(s)
	}
	return services, nil
}

// awsEmitter says whether emit renders AWS services. Until it does (issue 12, the
// emitter half), generate and check leave them out, so that the sources can hold
// AWS pages that catalog, diff and lint already read.
const awsEmitter = true

// emitted returns the services that resolve.Tree names and emit renders.
func emitted(services []*model.Service) []*model.Service {
	if awsEmitter {
		return services
	}
	var out []*model.Service
	for _, s := range services {
		if s.Kind != model.FormatAWSSAR {
			out = append(out, s)
		}
	}
	return out
}

// Emits reports whether generate renders services of the page format kind.
func Emits(kind string) bool { return kind != model.FormatAWSSAR || awsEmitter }
