// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package validate

import (
	"context"
	"fmt"
	"time"
	_ "time/tzdata" // the same zones on every machine that runs Terraform

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Timezone checks an IANA time zone name the way Milvus 2.6.6+ does
// (time.LoadLocation), without the names that mean "this machine's zone".
func Timezone() validator.String { return timezoneValidator{} }

type timezoneValidator struct{}

func (timezoneValidator) Description(context.Context) string {
	return "an IANA time zone name, such as Europe/Paris or UTC"
}

func (v timezoneValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (timezoneValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := TimezoneProblem(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Time Zone", fmt.Sprintf(
			"The time zone %q is not valid: %s. Use an IANA time zone name, such as Europe/Paris, America/New_York or UTC: "+
				"Milvus refuses any other.", req.ConfigValue.ValueString(), problem))
	}
}

// TimezoneProblem explains why name is not a time zone Milvus accepts, or
// returns "".
func TimezoneProblem(name string) string {
	switch name {
	case "":
		return "it is empty"
	case "Local":
		return "it names the zone of whichever machine reads it, not a zone"
	}
	if _, err := time.LoadLocation(name); err != nil {
		return "no IANA time zone has that name (names are case-sensitive)"
	}
	return ""
}
