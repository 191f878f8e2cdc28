// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/entity"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// ModifyPlan refuses, before anything changes, what the server cannot do
// (the default database, properties its version lacks, removing a key
// before 2.5), says what a rename costs, and explains every managed
// property that was changed outside Terraform.
func (r *databaseResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy: Delete says what happens to default
	}
	var planned databaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	want, _ := planned.managed()
	if req.State.Raw.IsNull() {
		if planned.Name.ValueString() == milvus.DefaultDatabase {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Built-In Milvus Database",
				"Milvus creates the database \"default\" itself, and it cannot be created or dropped. To manage its properties, "+
					"import it (an import block with id = \"default\"); destroying it then only forgets it.")
			return
		}
		resp.Diagnostics.Append(r.checkVersion(ctx, planned, nil)...)
		return
	}
	var prior databaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !planned.Name.IsUnknown() && !planned.Name.Equal(prior.Name) {
		resp.Diagnostics.Append(replacementWarning(prior.Name.ValueString(), planned.Name.ValueString()))
		resp.Diagnostics.Append(r.checkVersion(ctx, planned, nil)...)
		return
	}
	have, _ := prior.managed()
	resp.Diagnostics.Append(r.checkVersion(ctx, planned, have)...)
	rec, diags := loadRecord(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(driftWarnings(prior.Name.ValueString(), rec, have, want)...)
}

// checkVersion refuses the properties the server cannot set, and (on an
// update) the removal of a key before Milvus can remove keys.
func (r *databaseResource) checkVersion(ctx context.Context, planned databaseModel, have map[string]string) diag.Diagnostics {
	var diags diag.Diagnostics
	if r.Data == nil {
		return diags // the provider's settings are unknown until apply
	}
	want, unknown := planned.managed()
	changed := func(key string) bool { v, ok := have[key]; return !ok || !same(key, v, want[key]) }
	anyChange := len(unknown) > 0
	for _, t := range typedProperties {
		v := planned.field(t.attr)
		if v.IsNull() || (!v.IsUnknown() && !changed(t.Key)) {
			continue
		}
		anyChange = true
		diags.Append(entity.RequireAt(ctx, r.Data, t.Feature, path.Root(t.attr))...)
	}
	for k := range want {
		if _, typed := typedByKey(k); !typed && changed(k) {
			anyChange = true
		}
	}
	if anyChange && !diags.HasError() {
		diags.Append(entity.RequireAt(ctx, r.Data, milvus.FeatureDatabaseProperties, path.Root("properties"))...)
	}
	var removed []string
	for _, k := range keys(have) {
		_, typed := typedByKey(k)
		if _, kept := want[k]; !kept && !contains(unknown, k) && (typed || !contains(unknown, "properties")) {
			removed = append(removed, k)
		}
	}
	if len(removed) == 0 || diags.HasError() {
		return diags
	}
	v, err := r.Data.Client.Version(ctx)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Read the Milvus Version", err))
		return diags
	}
	if milvus.FeatureDropDatabaseProperties.In(v) {
		return diags
	}
	for _, k := range removed {
		diags.AddError("Unable to Remove Milvus Database Property", fmt.Sprintf(
			"The configuration of database %q no longer sets %s (%s), so the plan would remove it, but Milvus %s cannot "+
				"remove a database property: that needs Milvus %s. Nothing was changed. Keep %s in the configuration, with "+
				"the value whose effect you want (false turns a force_deny switch off), or upgrade Milvus.",
			planned.Name.ValueString(), k, attrFor(k), v, milvus.FeatureDropDatabaseProperties.Needs(), attrFor(k)))
	}
	return diags
}

// driftWarnings names each managed property that Milvus no longer holds as
// Terraform last set it, when the apply will change it.
func driftWarnings(name string, rec propertyRecord, have, want map[string]string) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, k := range keys(rec.Applied) {
		applied := rec.Applied[k]
		seen, present := rec.Seen[k]
		if present && same(k, seen, applied) {
			continue
		}
		planned, kept := want[k]
		current, held := have[k]
		if kept && held && same(k, current, planned) {
			continue // the configuration now agrees with the server
		}
		what := fmt.Sprintf("Database %q has %s = %q on the server, but Terraform last set %q: it was changed outside Terraform.",
			name, k, seen, applied)
		if !present {
			what = fmt.Sprintf("Database %q no longer has %s (Terraform last set %q): it was removed outside Terraform.", name, k, applied)
		}
		then := fmt.Sprintf(" The apply sets it to %q (%s).", planned, attrFor(k))
		if !kept {
			then = " The apply removes it: the configuration no longer sets it."
		}
		diags.Append(diagnostics.Warning("Milvus Database Property Changed Outside Terraform", name+" "+k, what+then))
	}
	return diags
}

// replacementWarning says what a rename costs.
func replacementWarning(from, to string) diag.Diagnostic {
	return diagnostics.Warning("Milvus Database Will Be Replaced", from, fmt.Sprintf(
		"Milvus cannot rename a database, so renaming %q to %q drops database %q (after revoking every grant that names it) "+
			"and creates database %q. Milvus refuses to drop a database that still holds collections: then the apply fails "+
			"and nothing is dropped.", from, to, from, to))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
