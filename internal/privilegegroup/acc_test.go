// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

const addr = "milvus_privilege_group.test"

func groupConfig(t *testing.T) config.TestStepConfigFunc { return acctest.Config(t, "testdata/group") }

// Against the real 2.3 server: privilege groups need Milvus 2.4.16, and the
// plan says so before anything changes (the data source likewise).
func TestAccPrivilegeGroup_refusedByOlderServers(t *testing.T) {
	version := milvus.ParseVersion(acctest.ServerVersion(t))
	if version.AtLeast(milvus.FeaturePrivilegeGroups.Since) {
		t.Skipf("Milvus %s has privilege groups; their behaviour is proven on the emulator (acc_emulated_test.go)", version)
	}
	needs := acctest.Words("custom privilege groups needs Milvus 2.4.16 or later, and this server is " + version.String())
	name := acctest.RandomName("tfacc_group")
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: groupConfig(t),
			ConfigVariables: acctest.Vars("name", name, "privileges", []string{"Query", "Search"}),
			PlanOnly:        true,
			ExpectError:     regexp.MustCompile(`(?s)` + acctest.Words("Unsupported Milvus Version") + ".*" + needs),
		},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/datasource"),
			ExpectError:     regexp.MustCompile(`(?s)` + acctest.Words("Unable to List Milvus Privilege Groups") + ".*" + needs),
		},
	)
}

func TestAccPrivilegeGroup_planTimeValidation(t *testing.T) {
	acctest.PreCheck(t)
	cases := []struct {
		name       string
		privileges []string
		want       string
	}{
		{"Insert", []string{"Query"}, `Invalid Milvus Privilege Group Name.*` + acctest.Words("it is the name of a built-in privilege or privilege group")},
		{"ClusterAdmin", []string{"Query"}, acctest.Words("it is the name of a built-in privilege or privilege group")},
		{"bad-group", []string{"Query"}, acctest.Words(`it contains "-"`)},
		{"g$1", []string{"Query"}, acctest.Words(`it contains "$"`)},
		{strings.Repeat("g", 256), []string{"Query"}, acctest.Words("it is 256 characters long")},
		{"tfacc_g", []string{"Inesrt"}, acctest.Words(`Unknown Milvus Privilege`) + ".*" + acctest.Words(`privilege named "Inesrt"`)},
		{"tfacc_g", []string{"query"}, acctest.Words(`did you mean "Query"?`)},
		{"tfacc_g", []string{"CollectionReadOnly"}, acctest.Words("does not support groups inside groups")},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			ConfigDirectory: groupConfig(t),
			ConfigVariables: acctest.Vars("name", c.name, "privileges", c.privileges),
			PlanOnly:        true,
			ExpectError:     regexp.MustCompile(`(?s)` + c.want),
		})
	}
	acctest.Steps(t, nil, steps...)
}
