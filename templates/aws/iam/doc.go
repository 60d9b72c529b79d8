// Package iam is the runtime every generated AWS service package shares: the access
// levels, condition key types and the metadata records (ActionInfo,
// ResourceTypeInfo) that the Service Authorization Reference gives for each action,
// resource type and condition key.
//
// Generated packages keep their metadata in static tables; the records here are
// plain values made only of strings and small integers, so a caller holding one
// cannot change the shared table it was copied from. Lists inside a record (the
// condition keys of an action, its resource types) are read-only views over one
// string: Len, At and All walk them without allocating, Strings copies them out.
package iam
