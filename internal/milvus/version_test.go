// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import "testing"

// A feature backported to an older minor line is there from the backport's
// patch on that line, and from Since on every later line.
func TestFeature_inWithBackports(t *testing.T) {
	cases := map[string]bool{
		"v2.3.5-lite": false, "v2.4.23": false, "v2.4.24": true, "v2.5.7": false, "v2.5.8": true,
		"v2.6.0": true, "v3.0.1": true, "self-built": true,
	}
	for raw, want := range cases {
		if got := FeatureDatabaseDDLSwitches.In(ParseVersion(raw)); got != want {
			t.Errorf("%s: %v, want %v", raw, got, want)
		}
	}
	if got := FeatureDatabaseDDLSwitches.Needs(); got != "2.5.8 or later (2.4.24 on the 2.4 line)" {
		t.Errorf("Needs() = %q", got)
	}
	if got := FeatureDatabaseTimezone.Needs(); got != "2.6.6 or later" {
		t.Errorf("Needs() = %q", got)
	}
}
