// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// addressValidator rejects, at plan time, an address the provider could not
// dial: empty (which would otherwise fall back to localhost), a port outside
// 1-65535, or text that is no address at all.
type addressValidator struct{}

func (addressValidator) Description(context.Context) string {
	return "host:port, http://host:port or https://host:port"
}

func (v addressValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (addressValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	address := req.ConfigValue.ValueString()
	err := milvus.CheckAddress(address)
	switch {
	case err != nil && strings.Contains(address, "@"):
		// Not attached to the attribute: the CLI would print its source
		// line, and with it the password in the address.
		resp.Diagnostics.AddError("Invalid Milvus Address", fmt.Sprintf("The address is not valid: %s.", err))
	case err != nil:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Milvus Address", fmt.Sprintf(
			"The address is not valid: %s. Leave address out to use MILVUS_ADDRESS (or localhost:19530).", err))
	}
}

// durationValidator checks timeout at plan time.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "a positive Go duration such as 30s or 2m"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if d, err := time.ParseDuration(req.ConfigValue.ValueString()); err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Timeout", fmt.Sprintf(
			"timeout is %q; use a positive Go duration such as 30s or 2m.", req.ConfigValue.ValueString()))
	}
}

// ValidateConfig checks the combinations of credentials and TLS files. Where
// a secret (password, token, client_key) is involved, the diagnostic names it
// in words and is not attached to it: the CLI would print its source line.
func (p *milvusProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	set := func(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
	unset := func(v types.String) bool { return v.IsNull() }
	switch {
	case set(m.Token) && (set(m.Username) || set(m.Password)):
		resp.Diagnostics.AddError("Conflicting Milvus Credentials",
			"The provider block sets token and also username or password. Use either token, or username and password.")
	case set(m.Username) && unset(m.Password):
		resp.Diagnostics.AddAttributeError(path.Root("username"), "Missing Milvus Password",
			"The provider block sets username but not password. Set password too: credentials are taken either all from "+
				"the provider block or all from the environment (MILVUS_USERNAME, MILVUS_PASSWORD, MILVUS_TOKEN), never mixed.")
	case set(m.Password) && unset(m.Username):
		resp.Diagnostics.AddError("Missing Milvus Username",
			"The provider block sets password but not username. Set username too: credentials are taken either all from "+
				"the provider block or all from the environment, never mixed.")
	}
	switch {
	case set(m.ClientCert) && unset(m.ClientKey):
		resp.Diagnostics.AddAttributeError(path.Root("client_cert"), "Missing Client Key",
			"Mutual TLS needs both client_cert and client_key; client_key is not set.")
	case set(m.ClientKey) && unset(m.ClientCert):
		resp.Diagnostics.AddError("Missing Client Certificate",
			"Mutual TLS needs both client_cert and client_key; client_cert is not set.")
	}
}
