// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userModelV0 is milvus_user's state as provider 0.1.0 wrote it.
type userModelV0 struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.String `tfsdk:"password_wo_version"`
	Roles             types.List   `tfsdk:"roles"`
}

// schemaV0 is the shape of version 0 state; validators and descriptions
// do not matter to an upgrade.
func schemaV0() *schema.Schema {
	return &schema.Schema{Attributes: map[string]schema.Attribute{
		"id":                  schema.StringAttribute{Computed: true},
		"name":                schema.StringAttribute{Required: true},
		"password":            schema.StringAttribute{Optional: true, Sensitive: true},
		"password_wo":         schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true},
		"password_wo_version": schema.StringAttribute{Optional: true},
		"roles":               schema.ListAttribute{Computed: true, ElementType: types.StringType},
	}}
}

// UpgradeState carries each earlier state version to the current one.
func (r *userResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{
		0: {PriorSchema: schemaV0(), StateUpgrader: upgradeFromV0},
		1: {PriorSchema: schemaV1(), StateUpgrader: upgradeFromV1},
	}
}

// userModelV1 is milvus_user's state before descriptions (provider 0.2.0).
type userModelV1 struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Password           types.String `tfsdk:"password"`
	PasswordWO         types.String `tfsdk:"password_wo"`
	PasswordWOVersion  types.String `tfsdk:"password_wo_version"`
	PasswordWORevision types.String `tfsdk:"password_wo_revision"`
	Roles              types.List   `tfsdk:"roles"`
}

func schemaV1() *schema.Schema {
	s := schemaV0()
	s.Attributes["password_wo"] = schema.StringAttribute{Optional: true, WriteOnly: true}
	s.Attributes["password_wo_revision"] = schema.StringAttribute{Computed: true}
	return s
}

// upgradeFromV1: no description on record; the next refresh reads the one
// Milvus holds.
func upgradeFromV1(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
	var prior userModelV1
	if resp.Diagnostics.Append(req.State.Get(ctx, &prior)...); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, userModel{ID: prior.ID, Name: prior.Name, Password: prior.Password,
		PasswordWO: types.StringNull(), PasswordWOVersion: prior.PasswordWOVersion, PasswordWORevision: prior.PasswordWORevision,
		Roles: prior.Roles, Description: types.StringNull()})...)
}

// upgradeFromV0: 0.1.0 had no password_wo_revision. A user it made with
// password_wo was sent that password once, so its revision is "1"; a
// password given as `password` has none.
func upgradeFromV0(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
	var prior userModelV0
	if resp.Diagnostics.Append(req.State.Get(ctx, &prior)...); resp.Diagnostics.HasError() {
		return
	}
	state := userModel{
		ID:                 prior.ID,
		Name:               prior.Name,
		Password:           prior.Password,
		PasswordWO:         types.StringNull(),
		PasswordWOVersion:  prior.PasswordWOVersion,
		PasswordWORevision: types.StringNull(),
		Roles:              prior.Roles,
		Description:        types.StringNull(),
	}
	if state.writeOnly() {
		state.PasswordWORevision = nextRevision(types.StringNull())
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
