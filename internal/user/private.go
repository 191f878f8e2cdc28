// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/secret"
)

// passwordKey holds, in private state only, a salted argon2id hash of the
// last password_wo sent, so a plan can tell whether password_wo changed.
const passwordKey = "password_wo_hash"

// rememberPassword records the hash of the password just sent.
func rememberPassword(ctx context.Context, private entity.PrivateState, password string) diag.Diagnostics {
	digest, err := secret.Hash(password)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddWarning("Unable to Remember the Password Sent",
			"The password was set, but its hash could not be computed ("+err.Error()+"), so the next plan cannot tell "+
				"whether password_wo changed. Change password_wo_version to send it again.")
		return diags
	}
	return private.SetKey(ctx, passwordKey, digest)
}

// forgetPassword drops the hash when the password moves to `password`.
func forgetPassword(ctx context.Context, private entity.PrivateState) diag.Diagnostics {
	return private.SetKey(ctx, passwordKey, nil)
}

// sentBefore reports whether password is the one last sent: known is false
// when no (readable) hash is stored.
func sentBefore(ctx context.Context, private entity.PrivateState, password string) (same, known bool, diags diag.Diagnostics) {
	stored, diags := private.GetKey(ctx, passwordKey)
	if diags.HasError() || len(stored) == 0 {
		return false, false, diags
	}
	same, err := secret.Matches(stored, password)
	if err != nil {
		return false, false, diags
	}
	return same, true, diags
}
