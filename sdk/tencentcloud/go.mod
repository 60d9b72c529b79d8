module github.com/permgen/permgen/sdk/tencentcloud

go 1.26.8

require (
	github.com/permgen/permgen v0.0.0-00010101000000-000000000000
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.3.211
)

replace github.com/permgen/permgen => ../..
