package model

// FormatTencentCatalog is the Source.Format of a Tencent service built by the merged
// catalog (internal/vendors/tencentcloud/merged) rather than scraped from one page:
// its Kind stays FormatTencentCAM, so every later stage treats it as a CAM service.
const FormatTencentCatalog = "tencent-catalog"

// Undocumented is the granularity of an action no CAM source documents: the API
// catalogue lists it, nothing says how finely CAM authorizes it.
const Undocumented Granularity = "undocumented"

// CatalogProvenance starts the Pos.File of a merged-catalog action: the list of its
// sources, which a page's position must not replace.
const CatalogProvenance = "sources/tencentcloud: "
