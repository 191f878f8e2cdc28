// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider

// Address is the provider's registry address: the one place that names the
// registry namespace and the provider type. Examples repeat it in
// required_providers; TestExamplesUseProviderAddress keeps them in step.
const (
	Address  = "registry.terraform.io/milvus-terraform/milvus"
	Source   = "milvus-terraform/milvus"
	TypeName = "milvus"
)
