// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// ProviderDir is the shared provider block (testdata/provider), whose every
// setting is a variable.
var ProviderDir = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "testdata", "provider")
}()

// Test runs an acceptance test case against the test server. Every step gets
// the provider factories itself, because the configurations carry their own
// provider block.
func Test(t *testing.T, tc resource.TestCase) {
	t.Helper()
	for i := range tc.Steps {
		tc.Steps[i].ProtoV6ProviderFactories = ProviderFactories
	}
	tc.PreCheck = func() { PreCheck(t) }
	resource.Test(t, tc)
}

// Steps runs steps as one test case with checkDestroy.
func Steps(t *testing.T, checkDestroy resource.TestCheckFunc, steps ...resource.TestStep) {
	t.Helper()
	Test(t, resource.TestCase{CheckDestroy: checkDestroy, Steps: steps})
}

// Config merges the shared provider block with the package's testdata
// directories (relative to the test's package).
func Config(t *testing.T, dirs ...string) config.TestStepConfigFunc {
	t.Helper()
	return ConfigDirs(t, append([]string{ProviderDir}, dirs...)...)
}

// Vars builds configuration variables from name/value pairs; values may be
// strings, bools, ints, floats, string lists or string maps.
func Vars(pairs ...any) config.Variables {
	v := config.Variables{}
	for i := 0; i+1 < len(pairs); i += 2 {
		key, _ := pairs[i].(string)
		switch value := pairs[i+1].(type) {
		case bool:
			v[key] = config.BoolVariable(value)
		case string:
			v[key] = config.StringVariable(value)
		case int:
			v[key] = config.IntegerVariable(value)
		case float64:
			v[key] = config.FloatVariable(value)
		case map[string]string:
			m := map[string]config.Variable{}
			for k, s := range value {
				m[k] = config.StringVariable(s)
			}
			v[key] = config.MapVariable(m)
		case []string:
			list := make([]config.Variable, len(value))
			for j, s := range value {
				list[j] = config.StringVariable(s)
			}
			v[key] = config.ListVariable(list...)
		}
	}
	return v
}
