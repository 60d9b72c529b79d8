package campolicy

// The rule and code of an action whose granularity no CAM source documents (an API the
// API catalogue lists for a product whose CAM pages do not mention it). They live
// beside the rest of the undocumented-granularity handling so that the catalog of
// every product stays one small addition to the runtime.
const (
	// RuleUndocumentedGranularity is reported when a statement restricts to a resource
	// an action of undocumented granularity. Information, not an error: CAM may
	// honour it.
	RuleUndocumentedGranularity = "undocumented-granularity"
	// CodeUndocumentedGranularity is RuleUndocumentedGranularity's finding code.
	CodeUndocumentedGranularity = "CAM-I-UNDOCUMENTED-GRANULARITY"
)
