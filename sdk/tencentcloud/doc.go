// Package tencentcloud holds the tests of the generated camhttp transport against the
// real tencentcloud-sdk-go common client. It is a module of its own so that the SDK
// is a dependency of these tests only: permgen's module, and the generated code users
// import, stay standard-library only.
package tencentcloud
