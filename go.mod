module github.com/permgen/permgen

go 1.26.0

require (
	github.com/PuerkitoBio/goquery v1.13.0
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
	github.com/permgen/permgen/generated/tencentcloud v0.1.0
	golang.org/x/mod v0.43.0
	golang.org/x/net v0.58.0
	golang.org/x/text v0.43.0
)

require github.com/andybalholm/cascadia v1.3.4 // indirect
