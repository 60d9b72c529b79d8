module github.com/permgen/permgen/sdk/tencentcloud

go 1.26.0

require (
	github.com/permgen/permgen/generated/tencentcloud v0.1.0
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.3.211
)
