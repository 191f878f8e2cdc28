// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/boolvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/validate"
)

func providerSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Manage access to a self-hosted [Milvus](https://milvus.io) vector database (2.3 to 3.0) as code: " +
			"users, roles, role bindings, grants and privilege groups. Milvus must run with " +
			"`common.security.authorizationEnabled: true` for any of them to mean anything. " +
			"Every argument can also come from an environment variable, named in its description; " +
			"a value in the provider block wins over the environment.",
		Attributes: map[string]schema.Attribute{
			"address": schema.StringAttribute{
				Optional:   true,
				Validators: []validator.String{addressValidator{}},
				MarkdownDescription: "Where Milvus listens for gRPC: `host:port`, `http://host:port` or `https://host:port` " +
					"(`https://` turns TLS on; without a port, 19530 is used, or 443 with `https://`). " +
					"Environment: `MILVUS_ADDRESS`. Default: `localhost:19530`.",
			},
			// The checks of password, token and client_key are in
			// ValidateConfig: a diagnostic attached to a secret makes the CLI
			// print its source line.
			"username": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The Milvus user the provider acts as, e.g. `root`. Needs `password` in the provider block too: " +
					"credentials come from the block or from the environment, never mixed. Environment: `MILVUS_USERNAME`.",
			},
			"password": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The password of `username`. Environment: `MILVUS_PASSWORD`.",
			},
			"token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "Credentials in one string instead of `username` and `password`: either `user:password`, " +
					"or an API key as managed Milvus (Zilliz Cloud) issues. Environment: `MILVUS_TOKEN`.",
			},
			"db_name": schema.StringAttribute{
				Optional:            true,
				Validators:          []validator.String{validate.Name(validate.Database)},
				MarkdownDescription: "The database the connection uses. Users are global to the server, so this rarely matters. Environment: `MILVUS_DB_NAME`. Default: `default`.",
			},
			"tls": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Connect with TLS. Implied by an `https://` address and by `ca_cert`, `client_cert` or `server_name`. " +
					"Environment: `MILVUS_TLS`. Default: `false`.",
			},
			"ca_cert": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The CA certificate that signed the server's certificate, as a PEM string or a path to a PEM file, " +
					"for servers with `common.security.tlsMode` 1 or 2 and a private CA. Without it, the system's CAs are trusted. Environment: `MILVUS_CA_CERT`.",
			},
			"client_cert": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The client certificate for mutual TLS (`common.security.tlsMode: 2`), as PEM or a file path. Needs `client_key`. Environment: `MILVUS_CLIENT_CERT`.",
			},
			"client_key": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The private key of `client_cert`, as PEM or a file path. Environment: `MILVUS_CLIENT_KEY`.",
			},
			"server_name": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The name to expect in the server's certificate when it differs from the address's host. Environment: `MILVUS_TLS_SERVER_NAME`.",
			},
			"insecure_skip_verify": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Accept any server certificate. For tests only: it makes TLS open to interception. Conflicts with `ca_cert`. Environment: `MILVUS_INSECURE_SKIP_VERIFY`. Default: `false`.",
				Validators:          []validator.Bool{boolvalidator.ConflictsWith(path.MatchRoot("ca_cert"))},
			},
			"timeout": schema.StringAttribute{
				Optional:   true,
				Validators: []validator.String{durationValidator{}},
				MarkdownDescription: "How long to wait for the connection and for each answer, as a Go duration such as `30s` or `2m`. " +
					"Environment: `MILVUS_TIMEOUT`. Default: `30s`. A server that stops answering makes a read wait at most " +
					"`timeout × (max_retries + 1)` plus the back-off between tries (1 s, 2 s, 4 s, ...): with the defaults, " +
					"2 minutes and 7 seconds.",
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "How often a request that may safely be repeated is tried again when Milvus is unavailable " +
					"(restarting, refusing connections, not answering), with a back-off that starts at one second and doubles. " +
					"Other errors are never retried. A create or a password change is never simply repeated: when its answer is lost, " +
					"the provider first asks Milvus whether it took effect. Environment: `MILVUS_MAX_RETRIES`. Default: `3`.",
				Validators: []validator.Int64{int64validator.Between(0, 10)},
			},
			"super_user": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Whether the provider may ask Milvus to set a password without the old one, which `milvus_user` needs " +
					"for a password whose old value it does not know: a write-only `password_wo`, an imported user, or a password " +
					"changed outside Terraform. Milvus allows it only when the provider's user is listed in the server's " +
					"`common.security.superUsers`; by default (unset, or `true`) the provider simply asks, and when Milvus refuses, " +
					"the error says how to list the user there. Set `false` to forbid the attempt. (Before version 0.2.0 this had " +
					"to be `true` for such changes; it no longer needs to be set.) Environment: `MILVUS_SUPER_USER`.",
			},
			"verify_passwords": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Check, on every plan, that each `milvus_user` still logs in with its password (the `password` in state, " +
					"or the configured `password_wo`), so a password changed outside Terraform shows up as a planned update, with a " +
					"warning. Costs one request per user; needs a server with authorization enabled. Environment: " +
					"`MILVUS_VERIFY_PASSWORDS`. Default: `true`.",
			},
		},
	}
}
