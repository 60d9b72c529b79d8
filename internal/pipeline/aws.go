package pipeline

import "github.com/permgen/permgen/internal/model"

// awsEmitter says whether emit renders AWS services. Until it does (issue 12, the
// emitter half), generate and check leave them out, so that the sources can hold
// AWS pages that catalog, diff and lint already read.
const awsEmitter = true

// Emits reports whether generate renders services of the page format kind.
func Emits(kind string) bool { return kind != model.FormatAWSSAR || awsEmitter }

// emitted returns the services that resolve.Tree names and emit renders.
func emitted(services []*model.Service) []*model.Service {
	if awsEmitter {
		return services
	}
	var out []*model.Service
	for _, s := range services {
		if Emits(s.Kind) {
			out = append(out, s)
		}
	}
	return out
}
