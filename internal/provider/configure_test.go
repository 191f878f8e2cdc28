// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/providerdata"
)

// configure runs the provider's Configure in-process with the given
// attributes set and the rest null, as Terraform would.
func configure(t *testing.T, attrs map[string]tftypes.Value) (*providerdata.Data, diag.Diagnostics) {
	t.Helper()
	ctx := context.Background()
	s := providerSchema()
	typ, ok := s.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the provider schema is not an object")
	}
	values := map[string]tftypes.Value{}
	for name, attrType := range typ.AttributeTypes {
		values[name] = tftypes.NewValue(attrType, nil)
	}
	for name, v := range attrs {
		values[name] = v
	}
	req := provider.ConfigureRequest{Config: tfsdk.Config{Schema: s, Raw: tftypes.NewValue(typ, values)}}
	resp := &provider.ConfigureResponse{}
	(&milvusProvider{}).Configure(ctx, req, resp)
	data, _ := resp.ResourceData.(*providerdata.Data)
	if shared, _ := resp.DataSourceData.(*providerdata.Data); shared != data {
		t.Fatal("resources and data sources must share one connection")
	}
	return data, resp.Diagnostics
}

func requireServer(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" || os.Getenv("MILVUS_ADDRESS") == "" {
		t.Skip("needs a Milvus server: set TF_ACC=1 and MILVUS_ADDRESS (make test does)")
	}
}

func TestAccConfigure_wrongPasswordNeverInDiagnostics(t *testing.T) {
	requireServer(t)
	secret := "Secret_wrong_pw_4711"
	data, diags := configure(t, map[string]tftypes.Value{
		"username": tftypes.NewValue(tftypes.String, "root"),
		"password": tftypes.NewValue(tftypes.String, secret),
	})
	if data != nil || !diags.HasError() {
		t.Fatalf("a wrong password configured the provider: %v", diags)
	}
	for _, d := range diags {
		if strings.Contains(d.Summary()+d.Detail(), secret) {
			t.Fatalf("the password appears in a diagnostic: %s: %s", d.Summary(), d.Detail())
		}
	}
	if !strings.Contains(diags[0].Detail(), "auth check failure") {
		t.Fatalf("the diagnostic does not give Milvus's reason: %s", diags[0].Detail())
	}
}

func TestAccConfigure_tokenNeverInDiagnostics(t *testing.T) {
	requireServer(t)
	secret := "root:Secret_token_pw_4711"
	_, diags := configure(t, map[string]tftypes.Value{"token": tftypes.NewValue(tftypes.String, secret)})
	if !diags.HasError() {
		t.Fatal("a wrong token configured the provider")
	}
	for _, d := range diags {
		if strings.Contains(d.Summary()+d.Detail(), "Secret_token_pw_4711") {
			t.Fatalf("the token appears in a diagnostic: %s", d.Detail())
		}
	}
}

func TestAccConfigure_connectsOnceAndShares(t *testing.T) {
	requireServer(t)
	data, diags := configure(t, nil)
	if diags.HasError() {
		t.Fatalf("configure: %v", diags)
	}
	t.Cleanup(func() { _ = data.Client.Close(context.Background()) })
	if !data.VerifyPasswords {
		t.Error("verify_passwords should default to true")
	}
	if got, want := data.ForbidPasswordReset, os.Getenv("MILVUS_SUPER_USER") == "false"; got != want {
		t.Errorf("password resets forbidden = %v, want %v from MILVUS_SUPER_USER", got, want)
	}
	version, err := data.Client.ServerVersion(context.Background())
	if err != nil || !strings.HasPrefix(version, "v2.") {
		t.Fatalf("server version %q, %v", version, err)
	}
	t.Logf("Milvus server version: %s", version)
}
