// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package providerdata is what the provider hands to its resources and data
// sources: one shared Milvus connection and the settings that steer them.
package providerdata

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/journal"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Data is built once in the provider's Configure.
type Data struct {
	Client *milvus.Client
	// ForbidPasswordReset is set by super_user = false: never ask Milvus to
	// set a password without the old one (Milvus allows it only to users in
	// common.security.superUsers; by default the provider asks and Milvus
	// decides).
	ForbidPasswordReset bool
	// VerifyPasswords turns on the password drift checks.
	VerifyPasswords bool
	// Journal proves which objects this working directory started creating
	// (for take-overs after an interrupted apply).
	Journal *journal.Journal
	// Declared is what the configuration's resources declare, as their plans
	// are made.
	Declared *Declared
}

// From unpacks the value passed to a resource's or data source's Configure.
// It returns nil without a diagnostic before the provider is configured,
// which the framework does during validation.
func From(value any, diags *diag.Diagnostics) *Data {
	if value == nil {
		return nil
	}
	data, ok := value.(*Data)
	if !ok {
		diags.AddError("Unexpected Provider Data Type",
			fmt.Sprintf("Expected *providerdata.Data, got %T. This is always a bug in the provider; please report it.", value))
		return nil
	}
	return data
}
