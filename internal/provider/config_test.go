// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func nullModel() providerModel {
	return providerModel{
		Address: types.StringNull(), Username: types.StringNull(), Password: types.StringNull(), Token: types.StringNull(),
		DBName: types.StringNull(), TLS: types.BoolNull(), CACert: types.StringNull(), ClientCert: types.StringNull(),
		ClientKey: types.StringNull(), ServerName: types.StringNull(), InsecureSkipVerify: types.BoolNull(),
		Timeout: types.StringNull(), MaxRetries: types.Int64Null(), SuperUser: types.BoolNull(), VerifyPasswords: types.BoolNull(),
	}
}

func TestResolve_defaults(t *testing.T) {
	s, errs := nullModel().resolve(env(nil))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s.Milvus.Address != milvus.DefaultAddress || s.Milvus.Timeout != 30*time.Second || s.Milvus.MaxRetries != 3 ||
		s.ForbidPasswordReset || !s.VerifyPasswords || s.Milvus.TLS.Enabled {
		t.Fatalf("defaults: %+v", s)
	}
}

func TestResolve_environment(t *testing.T) {
	s, errs := nullModel().resolve(env(map[string]string{
		"MILVUS_ADDRESS": "https://m:443", "MILVUS_USERNAME": "admin", "MILVUS_PASSWORD": "pw_from_env",
		"MILVUS_DB_NAME": "db1", "MILVUS_TIMEOUT": "5s", "MILVUS_MAX_RETRIES": "0", "MILVUS_SUPER_USER": "false",
		"MILVUS_VERIFY_PASSWORDS": "false", "MILVUS_TLS_SERVER_NAME": "m.internal",
	}))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := milvus.Credentials{Username: "admin", Password: "pw_from_env"}
	if s.Milvus.Credentials != want || s.Milvus.DBName != "db1" || s.Milvus.Timeout != 5*time.Second ||
		s.Milvus.MaxRetries != 0 || !s.ForbidPasswordReset || s.VerifyPasswords || !s.Milvus.TLS.Enabled || s.Milvus.TLS.ServerName != "m.internal" {
		t.Fatalf("environment not applied: %+v", s)
	}
}

func TestResolve_blockWinsAndCredentialsStayTogether(t *testing.T) {
	m := nullModel()
	m.Token = types.StringValue("svc:token_pw")
	m.Address = types.StringValue("milvus:19530")
	s, errs := m.resolve(env(map[string]string{"MILVUS_ADDRESS": "other:1", "MILVUS_USERNAME": "root", "MILVUS_PASSWORD": "Milvus"}))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s.Milvus.Address != "milvus:19530" || s.Milvus.Credentials != (milvus.Credentials{Username: "svc", Password: "token_pw"}) {
		t.Fatalf("the block's token must replace the environment's username and password: %+v", s.Milvus)
	}
}

func TestResolve_errors(t *testing.T) {
	cases := []struct {
		name   string
		model  func(providerModel) providerModel
		env    map[string]string
		attr   string
		detail string
	}{
		{name: "token and username in env", env: map[string]string{"MILVUS_TOKEN": "a:b", "MILVUS_USERNAME": "root"}, attr: "token", detail: "environment"},
		{name: "password without username", env: map[string]string{"MILVUS_PASSWORD": "x"}, attr: "username", detail: "without a username"},
		{name: "bad bool", env: map[string]string{"MILVUS_SUPER_USER": "yes please"}, attr: "super_user", detail: "MILVUS_SUPER_USER"},
		{name: "bad timeout", env: map[string]string{"MILVUS_TIMEOUT": "soon"}, attr: "timeout", detail: "soon"},
		{name: "bad retries", env: map[string]string{"MILVUS_MAX_RETRIES": "99"}, attr: "max_retries", detail: "0 to 10"},
		{name: "tls off with CA", model: func(m providerModel) providerModel {
			m.TLS, m.ServerName = types.BoolValue(false), types.StringValue("x")
			return m
		}, attr: "tls", detail: "tls = true"},
		{name: "missing CA file", model: func(m providerModel) providerModel {
			m.CACert = types.StringValue("/nonexistent/ca.pem")
			return m
		}, attr: "ca_cert", detail: "readable file"},
		{name: "http with tls", model: func(m providerModel) providerModel {
			m.Address, m.TLS = types.StringValue("http://m:1"), types.BoolValue(true)
			return m
		}, attr: "address", detail: "http://"},
	}
	for _, c := range cases {
		m := nullModel()
		if c.model != nil {
			m = c.model(m)
		}
		_, errs := m.resolve(env(c.env))
		if len(errs) != 1 || errs[0].Attribute != c.attr || !strings.Contains(errs[0].Detail, c.detail) {
			t.Errorf("%s: got %+v, want one error on %s mentioning %q", c.name, errs, c.attr, c.detail)
		}
	}
}

func TestResolve_secretsNeverInErrors(t *testing.T) {
	// A mangled inline key is not PEM, so it is tried as a file name; the
	// error must not quote it.
	m := nullModel()
	m.ClientCert = types.StringValue("-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----")
	m.ClientKey = types.StringValue("SECRET-KEY-MATERIAL")
	_, errs := m.resolve(env(map[string]string{"MILVUS_PASSWORD": "pw_secret", "MILVUS_TOKEN": "root:token_secret"}))
	for _, e := range errs {
		for _, secret := range []string{"SECRET-KEY-MATERIAL", "pw_secret", "token_secret"} {
			if strings.Contains(e.Summary+e.Detail, secret) {
				t.Fatalf("a secret leaked into %q: %s", e.Summary, e.Detail)
			}
		}
	}
	if len(errs) == 0 {
		t.Fatal("expected errors")
	}
}

func TestResolve_pemFromFile(t *testing.T) {
	cert := "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, []byte(cert), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &resolver{getenv: env(nil)}
	if got := string(r.pem("ca_cert", path)); got != cert || len(r.errs) != 0 {
		t.Fatalf("file not read: %q %v", got, r.errs)
	}
	if got := string(r.pem("ca_cert", cert)); got != cert {
		t.Fatal("inline PEM not kept")
	}
}
