// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
)

const examples = "../../examples"

// Every example that names the provider's source names the one in address.go.
func TestExamplesUseProviderAddress(t *testing.T) {
	source := regexp.MustCompile(`source\s*=\s*"([^"]+)"`)
	found := 0
	err := filepath.WalkDir(examples, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range source.FindAllStringSubmatch(string(data), -1) {
			found++
			if m[1] != provider.Source {
				t.Errorf("%s uses source %q, want %q", path, m[1], provider.Source)
			}
		}
		return nil
	})
	if err != nil || found == 0 {
		t.Fatalf("walked examples: %v, %d sources found", err, found)
	}
	if provider.Address != "registry.terraform.io/"+provider.Source || !strings.HasSuffix(provider.Source, "/"+provider.TypeName) {
		t.Fatalf("Address %q, Source %q and TypeName %q disagree", provider.Address, provider.Source, provider.TypeName)
	}
}

// The examples use ephemeral variables and write-only arguments, which need
// Terraform or OpenTofu 1.11; with an older CLI they are not run.
var examplesCLI = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}

// The resource and data source examples in the docs plan cleanly against a
// real server. (The provider examples name a host that does not exist here.)
func TestAccExamples_plan(t *testing.T) {
	acctest.PreCheck(t)
	step := func(vars config.Variables, paths ...string) resource.TestStep {
		for i, p := range paths {
			paths[i] = filepath.Join(examples, p)
		}
		return resource.TestStep{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          acctest.ConfigDirs(t, paths...),
			ConfigVariables:          vars,
			PlanOnly:                 true,
			ExpectNonEmptyPlan:       true,
		}
	}
	password := config.StringVariable(acctest.RandomPassword())
	steps := []resource.TestStep{
		step(nil, "data-sources/milvus_users/data-source.tf"),
		step(nil, "data-sources/milvus_user/data-source.tf"),
		step(nil, "data-sources/milvus_roles/data-source.tf"),
		step(nil, "data-sources/milvus_role/data-source.tf"),
		step(config.Variables{"reader_password": password, "writer_password": password, "analyst_password": password,
			"analyst_password_version": config.StringVariable("1")}, "resources/milvus_user/resource.tf"),
		step(nil, "resources/milvus_role/resource.tf"),
		step(config.Variables{"reader_password": password}, "resources/milvus_user_role/resource.tf"),
		step(nil, "resources/milvus_grant/resource.tf"),
		step(nil, "resources/milvus_database/resource.tf"),
		step(nil, "resources/milvus_role_policy/resource.tf"),
		step(config.Variables{"platform_admin_password": password}, "resources/milvus_role_members/resource.tf"),
		step(nil, "data-sources/milvus_database/data-source.tf"),
		step(nil, "data-sources/milvus_databases/data-source.tf"),
		step(nil, "data-sources/milvus_access/data-source.tf"),
	}
	// Privilege groups need Milvus 2.4.16: their examples plan on such a
	// server, and are only validated (with every other example) elsewhere.
	if milvus.ParseVersion(acctest.ServerVersion(t)).AtLeast(milvus.FeatureGrantGroups.Since) {
		steps = append(steps, step(nil, "resources/milvus_privilege_group/resource.tf"),
			step(nil, "data-sources/milvus_privilege_groups/data-source.tf"))
	}
	// Database properties need Milvus 2.4.6.
	if milvus.ParseVersion(acctest.ServerVersion(t)).AtLeast(milvus.FeatureDatabaseProperties.Since) {
		steps = append(steps, step(nil, "resources/milvus_database/properties.tf"))
	}
	resource.Test(t, resource.TestCase{PreCheck: func() { acctest.PreCheck(t) }, Steps: steps, TerraformVersionChecks: examplesCLI})
}

// The quick start declares the provider's registry source, so the test
// framework must serve the provider under that namespace.
func TestAccExamples_quickstartPlans(t *testing.T) {
	acctest.PreCheck(t)
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", strings.Split(provider.Source, "/")[0])
	resource.Test(t, resource.TestCase{
		PreCheck:               func() { acctest.PreCheck(t) },
		TerraformVersionChecks: examplesCLI,
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          acctest.ConfigDirs(t, filepath.Join(examples, "quickstart")),
			ConfigVariables:          config.Variables{"app_password": config.StringVariable(acctest.RandomPassword())},
			PlanOnly:                 true,
			ExpectNonEmptyPlan:       true,
		}},
	})
}
