// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestPasswordChanged(t *testing.T) {
	s, null := types.StringValue, types.StringNull()
	rev := func(n int) types.String { return types.StringValue(strconv.Itoa(n)) }
	cases := []struct {
		name         string
		prior, after userModel
		want         bool
	}{
		{"same password", userModel{Password: s("a")}, userModel{Password: s("a")}, false},
		{"new password", userModel{Password: s("a")}, userModel{Password: s("b")}, true},
		{"password unknown in state (import, drift)", userModel{Password: null}, userModel{Password: s("a")}, true},
		{"write-only, same revision", userModel{Password: null, PasswordWORevision: rev(1)}, userModel{Password: null, PasswordWORevision: rev(1)}, false},
		{"write-only, revision raised by the plan", userModel{Password: null, PasswordWORevision: rev(1)}, userModel{Password: null, PasswordWORevision: rev(2)}, true},
		{"write-only, revision unknown until apply", userModel{Password: null, PasswordWORevision: rev(1)}, userModel{Password: null, PasswordWORevision: types.StringUnknown()}, true},
		{"from password to write-only", userModel{Password: s("a")}, userModel{Password: null, PasswordWORevision: rev(1)}, true},
		{"from write-only to password", userModel{Password: null, PasswordWORevision: rev(3)}, userModel{Password: s("a")}, true},
	}
	for _, c := range cases {
		if got := passwordChanged(c.prior, c.after); got != c.want {
			t.Errorf("%s: passwordChanged = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestDesiredPasswordPrefersPlanThenConfig(t *testing.T) {
	planned := userModel{Password: types.StringNull()}
	config := userModel{PasswordWO: types.StringValue("wo_value")}
	if got := desiredPassword(planned, config); got.ValueString() != "wo_value" {
		t.Fatalf("write-only value comes from config, got %v", got)
	}
	planned.Password = types.StringValue("plain")
	if got := desiredPassword(planned, config); got.ValueString() != "plain" {
		t.Fatalf("password comes from the plan, got %v", got)
	}
}
