// Package e2e runs the provider the way users do: a built binary, served to
// a real CLI through dev_overrides, with no test framework in between.
package e2e
