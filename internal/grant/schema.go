// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant

import (
	"context"
	_ "embed"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

var (
	//go:embed descriptions/resource.md
	resourceDescription string
	//go:embed descriptions/privilege.md
	privilegeDescription string
	//go:embed descriptions/privilege_group.md
	privilegeGroupDescription string
)

func (r *grantResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: strings.TrimSpace(resourceDescription) + "\n\n**Privileges by object type** (with the first Milvus version that has each, when later than 2.3.0):\n\n" + privilegeTable(),
		Attributes: map[string]schema.Attribute{
			// Required
			"role": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The role that receives the privilege: a `milvus_role`, or the built-in `public` (every user has it).",
				Validators:          []validator.String{validate.Name(validate.RoleName)},
				PlanModifiers:       replace,
			},

			// Optional: exactly one of privilege and privilege_group.
			"privilege": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: privilegeDescription,
				Validators:          []validator.String{privilegeValidator{}},
				PlanModifiers:       replace,
			},
			"privilege_group": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: privilegeGroupDescription,
				Validators:          []validator.String{validate.Name(validate.GroupReference)},
				PlanModifiers:       replace,
			},
			"object_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "`Global`, `Collection` or `User`. Leave it out to have it derived from the privilege, with " +
					"Milvus's own rule: `Collection` or `User` for the privileges of those types, `Global` for every other " +
					"privilege and for privilege groups.",
				Validators: []validator.String{stringvalidator.OneOf(milvus.ObjectGlobal, milvus.ObjectCollection, milvus.ObjectUser)},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace(),
				},
			},
			"object_name": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString("*"),
				MarkdownDescription: "The collection (or user) the privilege applies to, or `*` for all. Default: `*`. " +
					"`Global` privileges apply to everything, so it must be `*` for them. For a privilege group it is the collection " +
					"name, or `*`.",
				Validators:    []validator.String{validate.Name(validate.ObjectName)},
				PlanModifiers: replace,
			},
			"db_name": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString("default"),
				MarkdownDescription: "The database the grant applies in, or `*` for every database. Default: `default`. " +
					"It is always sent to Milvus explicitly, so the grant never depends on the connection's database.",
				Validators:    []validator.String{validate.Name(validate.GrantDatabase)},
				PlanModifiers: replace,
			},

			// Computed
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`role/db_name/object_type/object_name/privilege`; the import ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *grantResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("privilege"), path.MatchRoot("privilege_group")),
	}
}

// privilegeTable lists the privileges per object type, with the Milvus
// version that added each one after 2.3.0, from the table the validator uses.
func privilegeTable() string {
	var b strings.Builder
	b.WriteString("| Object type | Privileges |\n|---|---|\n")
	for _, object := range []string{milvus.ObjectGlobal, milvus.ObjectCollection, milvus.ObjectUser} {
		var names []string
		for _, name := range milvus.PrivilegeNames(object) {
			p, _ := milvus.LookupPrivilege(name)
			entry := "`" + name + "`"
			if p.Since.AtLeast(milvus.ParseVersion("2.3.1")) {
				entry += " (" + p.Since.String() + ")"
			}
			names = append(names, entry)
		}
		b.WriteString("| `" + object + "` | " + strings.Join(names, ", ") + " |\n")
	}
	return b.String()
}

// ElementAttributes are the attributes of one grant inside a set of grants
// (a role policy's), checked as milvus_grant checks its own; the defaults
// and the derived object type are filled in at plan time.
func ElementAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"privilege": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "A privilege, as in `milvus_grant`. Exactly one of `privilege` and `privilege_group`.",
			Validators:          []validator.String{privilegeValidator{}},
		},
		"privilege_group": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "A built-in or custom privilege group (Milvus 2.4.18 or later), as in `milvus_grant`.",
			Validators:          []validator.String{validate.Name(validate.GroupReference)},
		},
		"object_type": schema.StringAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "`Global`, `Collection` or `User`; derived from the privilege when left out, as in `milvus_grant` " +
				"(`Global` for groups).",
			Validators: []validator.String{stringvalidator.OneOf(milvus.ObjectGlobal, milvus.ObjectCollection, milvus.ObjectUser)},
		},
		"object_name": schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "The collection (or user), or `*` for all. Default: `*`.",
			Validators:          []validator.String{validate.Name(validate.ObjectName)},
		},
		"db_name": schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "The database, or `*` for every database. Default: `default`.",
			Validators:          []validator.String{validate.Name(validate.GrantDatabase)},
		},
	}
}

// ElementType is the object type of one grant in a set of grants.
var ElementType = map[string]attr.Type{
	"privilege":       types.StringType,
	"privilege_group": types.StringType,
	"object_type":     types.StringType,
	"object_name":     types.StringType,
	"db_name":         types.StringType,
}

// Element is a grant read from Milvus in the shape of ElementType.
func Element(g milvus.Grant) attr.Value {
	privilege, group := types.StringValue(g.Privilege), types.StringNull()
	if g.Group {
		privilege, group = types.StringNull(), types.StringValue(g.Privilege)
	}
	return types.ObjectValueMust(ElementType, map[string]attr.Value{
		"privilege": privilege, "privilege_group": group, "object_type": types.StringValue(g.ObjectType),
		"object_name": types.StringValue(g.ObjectName), "db_name": types.StringValue(g.DBName),
	})
}
