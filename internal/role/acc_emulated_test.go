// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// Role descriptions exist from Milvus 2.6.19: set on create, changed in
// place (AlterRole), set back when changed outside Terraform, kept as Milvus
// holds it when the configuration leaves it out, and shown by the data
// source. On the emulator of 2.6.19 and 3.0.1 (3.0.0's source: 3.0's RBAC
// did not change after it), and refused at plan time on 2.6.18.
func TestAccRole_descriptionOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	for _, version := range []string{"v2.6.19", "v3.0.1"} {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			name := "tfacc_readers"
			has := func(want string) resource.TestCheckFunc {
				return func(*terraform.State) error {
					if got := s.RoleDescription(name); got != want {
						return fmt.Errorf("the role's description is %q, want %q", got, want)
					}
					return nil
				}
			}
			acctest.Steps(t, nil,
				resource.TestStep{
					ConfigDirectory: roleConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "description", "Reads the search team's collections"),
					Check: resource.ComposeAggregateTestCheckFunc(has("Reads the search team's collections"),
						resource.TestCheckResourceAttr(addr, "description", "Reads the search team's collections")),
				},
				resource.TestStep{
					ConfigDirectory: roleConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "description", "Reads every collection"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					}},
					Check: has("Reads every collection"),
				},
				resource.TestStep{
					// Changed outside Terraform: set back, in place.
					PreConfig:       func() { s.SetDescriptionsOutside("", "", name, "changed by hand") },
					ConfigDirectory: roleConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "description", "Reads every collection"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					}},
					Check: has("Reads every collection"),
				},
				resource.TestStep{
					// Left out: whatever Milvus holds is kept, and shown.
					PreConfig:        func() { s.SetDescriptionsOutside("", "", name, "kept as it is") },
					ConfigDirectory:  roleConfig(t),
					ConfigVariables:  s.Vars(t, "name", name),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					Check: resource.ComposeAggregateTestCheckFunc(has("kept as it is"),
						resource.TestCheckResourceAttr(addr, "description", "kept as it is")),
				},
			)
		})
	}
	s := acctest.StartEmulator(t, "v2.6.18")
	acctest.Steps(t, nil, resource.TestStep{
		ConfigDirectory: roleConfig(t),
		ConfigVariables: s.Vars(t, "name", "tfacc_readers", "description", "x"),
		PlanOnly:        true,
		ExpectError:     regexp.MustCompile(`(?s)Unsupported Milvus Version.*` + acctest.Words("user and role descriptions needs Milvus 2.6.19 or later, and this server is v2.6.18")),
	})
}
