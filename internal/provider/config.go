// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// providerModel is the provider block.
type providerModel struct {
	Address            types.String `tfsdk:"address"`
	Username           types.String `tfsdk:"username"`
	Password           types.String `tfsdk:"password"`
	Token              types.String `tfsdk:"token"`
	DBName             types.String `tfsdk:"db_name"`
	TLS                types.Bool   `tfsdk:"tls"`
	CACert             types.String `tfsdk:"ca_cert"`
	ClientCert         types.String `tfsdk:"client_cert"`
	ClientKey          types.String `tfsdk:"client_key"`
	ServerName         types.String `tfsdk:"server_name"`
	InsecureSkipVerify types.Bool   `tfsdk:"insecure_skip_verify"`
	Timeout            types.String `tfsdk:"timeout"`
	MaxRetries         types.Int64  `tfsdk:"max_retries"`
	SuperUser          types.Bool   `tfsdk:"super_user"`
	VerifyPasswords    types.Bool   `tfsdk:"verify_passwords"`
}

// settings is the provider block merged with the environment.
type settings struct {
	Milvus              milvus.Config
	ForbidPasswordReset bool
	VerifyPasswords     bool
}

// settingError points at the attribute (and its environment variable) that
// is wrong. It never quotes a secret.
type settingError struct {
	Attribute string
	Summary   string
	Detail    string
}

func (e settingError) Path() path.Path { return path.Root(e.Attribute) }

// resolver merges the provider block with environment variables: a value set
// in the block wins; an unset one falls back to the variable, then a default.
type resolver struct {
	getenv func(string) string
	errs   []settingError
}

func (r *resolver) str(v types.String, env string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	return r.getenv(env)
}

func (r *resolver) boolean(attr string, v types.Bool, env string, def bool) bool {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueBool()
	}
	raw := strings.TrimSpace(r.getenv(env))
	if raw == "" {
		return def
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		r.fail(attr, "Invalid Environment Variable", fmt.Sprintf("%s is %q, which is not a boolean. Use true or false.", env, raw))
		return def
	}
	return b
}

func (r *resolver) fail(attr, summary, detail string) {
	r.errs = append(r.errs, settingError{Attribute: attr, Summary: summary, Detail: detail})
}

// resolve builds the connection settings. getenv is os.Getenv outside tests.
func (m providerModel) resolve(getenv func(string) string) (settings, []settingError) {
	if getenv == nil {
		getenv = os.Getenv
	}
	r := &resolver{getenv: getenv}
	s := settings{}
	cfg := &s.Milvus

	cfg.Address = r.str(m.Address, "MILVUS_ADDRESS")
	if cfg.Address == "" {
		cfg.Address = milvus.DefaultAddress
	}
	cfg.Credentials = r.credentials(m)
	cfg.DBName = r.str(m.DBName, "MILVUS_DB_NAME")

	cfg.TLS.CACertPEM = r.pem("ca_cert", r.str(m.CACert, "MILVUS_CA_CERT"))
	cfg.TLS.ClientCertPEM = r.pem("client_cert", r.str(m.ClientCert, "MILVUS_CLIENT_CERT"))
	cfg.TLS.ClientKeyPEM = r.pem("client_key", r.str(m.ClientKey, "MILVUS_CLIENT_KEY"))
	cfg.TLS.ServerName = r.str(m.ServerName, "MILVUS_TLS_SERVER_NAME")
	cfg.TLS.InsecureSkipVerify = r.boolean("insecure_skip_verify", m.InsecureSkipVerify, "MILVUS_INSECURE_SKIP_VERIFY", false)
	impliedTLS := len(cfg.TLS.CACertPEM) > 0 || len(cfg.TLS.ClientCertPEM) > 0 || cfg.TLS.ServerName != ""
	cfg.TLS.Enabled = r.boolean("tls", m.TLS, "MILVUS_TLS", impliedTLS)
	if !cfg.TLS.Enabled && impliedTLS {
		r.fail("tls", "Contradictory TLS Settings",
			"tls is false, but ca_cert, client_cert or server_name is set, and those only apply to TLS. Remove them or set tls = true.")
	}

	cfg.Timeout = milvus.DefaultTimeout
	if raw := r.str(m.Timeout, "MILVUS_TIMEOUT"); raw != "" {
		d, err := time.ParseDuration(raw)
		if err != nil || d <= 0 {
			r.fail("timeout", "Invalid Timeout", fmt.Sprintf("timeout (or MILVUS_TIMEOUT) is %q; use a positive Go duration such as 30s or 2m.", raw))
		} else {
			cfg.Timeout = d
		}
	}
	cfg.MaxRetries = milvus.DefaultMaxRetries
	if !m.MaxRetries.IsNull() && !m.MaxRetries.IsUnknown() {
		cfg.MaxRetries = int(m.MaxRetries.ValueInt64())
	} else if raw := strings.TrimSpace(getenv("MILVUS_MAX_RETRIES")); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 || n > 10 {
			r.fail("max_retries", "Invalid Environment Variable", fmt.Sprintf("MILVUS_MAX_RETRIES is %q; use a whole number from 0 to 10.", raw))
		} else {
			cfg.MaxRetries = n
		}
	}

	// super_user = false forbids setting a password without the old one;
	// unset and true let Milvus decide.
	s.ForbidPasswordReset = !r.boolean("super_user", m.SuperUser, "MILVUS_SUPER_USER", true)
	s.VerifyPasswords = r.boolean("verify_passwords", m.VerifyPasswords, "MILVUS_VERIFY_PASSWORDS", true)

	if len(r.errs) == 0 {
		if err := cfg.Validate(); err != nil {
			r.fail("address", "Invalid Milvus Connection Settings", "The provider settings (with the MILVUS_* environment variables) are not valid: "+err.Error()+".")
		}
	}
	return s, r.errs
}

// credentials takes the whole set from the provider block when it sets any
// of username, password or token, and otherwise from the environment, so an
// inherited MILVUS_TOKEN never mixes with a configured username.
func (r *resolver) credentials(m providerModel) milvus.Credentials {
	user, pass, token := "MILVUS_USERNAME", "MILVUS_PASSWORD", "MILVUS_TOKEN"
	set := func(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
	var u, p, t string
	source := "the environment (MILVUS_USERNAME, MILVUS_PASSWORD, MILVUS_TOKEN)"
	if set(m.Username) || set(m.Password) || set(m.Token) {
		u, p, t = m.Username.ValueString(), m.Password.ValueString(), m.Token.ValueString()
		source = "the provider block"
	} else {
		u, p, t = r.getenv(user), r.getenv(pass), r.getenv(token)
	}
	switch {
	case t != "" && (u != "" || p != ""):
		r.fail("token", "Conflicting Milvus Credentials",
			"Both a token and a username or password are set in "+source+". Use either token, or username and password.")
		return milvus.Credentials{}
	case t != "":
		return milvus.ParseToken(t)
	case p != "" && u == "":
		r.fail("username", "Missing Milvus Username", "A password is set in "+source+" without a username. Set username (or MILVUS_USERNAME).")
	}
	return milvus.Credentials{Username: u, Password: p}
}

// pem accepts PEM text or the path of a PEM file.
func (r *resolver) pem(attr, value string) []byte {
	if value == "" {
		return nil
	}
	if strings.Contains(value, "-----BEGIN") {
		return []byte(value)
	}
	data, err := os.ReadFile(value)
	if err != nil {
		// The value is not quoted: for client_key it may be a mangled key.
		r.fail(attr, "Unreadable Certificate File", fmt.Sprintf(
			"%s is neither PEM text (starting with -----BEGIN) nor the path of a readable file.", attr))
		return nil
	}
	return data
}
