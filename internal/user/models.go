// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
)

// userModel is the milvus_user state.
type userModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Password           types.String `tfsdk:"password"`
	PasswordWO         types.String `tfsdk:"password_wo"`
	PasswordWOVersion  types.String `tfsdk:"password_wo_version"`
	PasswordWORevision types.String `tfsdk:"password_wo_revision"`
	Roles              types.List   `tfsdk:"roles"`
	Description        types.String `tfsdk:"description"`
}

// fromServer copies what Milvus reports into the model; description is the
// state's form of the user's description (entity.DescriptionValue).
func (m *userModel) fromServer(u *milvus.User, description types.String) {
	m.ID = types.StringValue(u.Name)
	m.Name = types.StringValue(u.Name)
	m.Roles = tfvalue.StringList(u.Roles)
	m.Description = description
	// Write-only values never reach state.
	m.PasswordWO = types.StringNull()
}

// writeOnly says the configuration gives the password as password_wo.
func (m userModel) writeOnly() bool { return m.Password.IsNull() }

// desiredPassword is the password the configuration asks for: `password`
// from the plan, or `password_wo`, which only the configuration carries.
func desiredPassword(planned, config userModel) types.String {
	if !planned.Password.IsNull() {
		return planned.Password
	}
	return config.PasswordWO
}

// passwordChanged says whether an update must send a password: `password`
// differs from state, or the plan raised password_wo_revision (ModifyPlan
// does that for a new password_wo_version, a changed password_wo, and a
// password changed outside Terraform).
func passwordChanged(prior, planned userModel) bool {
	if !planned.Password.IsNull() {
		return !planned.Password.Equal(prior.Password)
	}
	if planned.PasswordWORevision.IsNull() {
		return false // no password managed: the user keeps the one it has
	}
	return planned.PasswordWORevision.IsUnknown() || !planned.PasswordWORevision.Equal(prior.PasswordWORevision)
}

// unmanaged says, of a configuration, that it sets no password at all: the
// user keeps whatever password it has (an adopted user whose password
// Terraform does not know).
func (m userModel) unmanaged() bool { return m.Password.IsNull() && m.PasswordWO.IsNull() }

// nextRevision is the revision after prior: "1", "2", ... It is a string,
// not a number: Terraform 1.11 and OpenTofu 1.12 compare a refreshed number
// by its in-memory form and report a change that is not there, so
// `plan -refresh-only -detailed-exitcode` would exit 2 with nothing changed.
func nextRevision(prior types.String) types.String {
	n, _ := strconv.Atoi(prior.ValueString())
	return types.StringValue(strconv.Itoa(n + 1))
}

// object names the user in diagnostics.
func object(name string) diagnostics.Object {
	return diagnostics.Object{Entity: milvus.EntityUser, Name: fmt.Sprintf("user %q", name), Resource: "milvus_user", ImportID: name}
}
