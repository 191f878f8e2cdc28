// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"
	_ "embed"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	//go:embed descriptions/resource.md
	resourceDescription string
	//go:embed descriptions/properties.md
	propertiesDescription string
)

func (r *databaseResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "The database name: " + validate.Database.Rule + ". Case-sensitive. Milvus cannot rename a " +
				"database, so changing it replaces the database (and Milvus refuses to drop one that still holds collections). " +
				"`default` always exists: import it to manage its properties.",
			Validators:    []validator.String{validate.Name(validate.Database)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"properties": schema.MapAttribute{
			Optional:            true,
			ElementType:         types.StringType,
			MarkdownDescription: propertiesDescription,
		},
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "The database name; the import ID.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
	}
	for _, t := range typedProperties {
		attrs[t.attr] = typedAttribute(t)
	}
	resp.Schema = schema.Schema{MarkdownDescription: resourceDescription, Attributes: attrs}
}

// typedAttribute is the schema of one typed property: its type, its
// checks, and a description that names the key and the version it needs.
func typedAttribute(t typedProperty) schema.Attribute {
	desc := t.description + " Needs Milvus " + t.Feature.Needs() + "."
	switch t.Type {
	case milvus.PropertyInt:
		least := int64(0)
		if t.attr == "replica_number" {
			least = 1
		}
		return schema.Int64Attribute{Optional: true, MarkdownDescription: desc, Validators: []validator.Int64{int64validator.AtLeast(least)}}
	case milvus.PropertyFloat:
		return schema.Float64Attribute{Optional: true, MarkdownDescription: desc, Validators: []validator.Float64{float64validator.AtLeast(0)}}
	case milvus.PropertyBool:
		return schema.BoolAttribute{Optional: true, MarkdownDescription: desc}
	case milvus.PropertyNames:
		return schema.SetAttribute{
			Optional: true, ElementType: types.StringType, MarkdownDescription: desc + " " + strings.TrimSuffix(validate.ResourceGroup.Rule, ".") + " each.",
			Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(validate.Name(validate.ResourceGroup))},
		}
	}
	return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: []validator.String{validate.Timezone()}}
}
