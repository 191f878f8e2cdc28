// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup_test

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// Privilege groups exist only in Milvus 2.4.16 and later, which cannot run
// here: these tests drive the resource through a real CLI against the
// emulator (acctest.Emulator), which answers as each release's source says
// it would. They prove the provider's logic on those emulated replies, not
// the servers themselves.
var emulatedVersions = []string{"v2.4.16", "v2.4.18", "v2.5.4", "v2.6.6", "v2.6.19"}

func checkMembers(s *acctest.Emulator, name string, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, ok := s.GroupMembers(name)
		if !ok {
			return fmt.Errorf("the server has no group %s", name)
		}
		if !slices.Equal(got, want) {
			return fmt.Errorf("group %s holds %v, want %v", name, got, want)
		}
		return nil
	}
}

func TestAccPrivilegeGroup_lifecycleOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	for _, version := range emulatedVersions {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			name := "tfacc_readers"
			acctest.Steps(t, func(*terraform.State) error {
				if _, exists := s.GroupMembers(name); exists {
					return fmt.Errorf("destroy left group %s", name)
				}
				return nil
			},
				resource.TestStep{
					ConfigDirectory: groupConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "privileges", []string{"Search", "Query"}),
					Check: resource.ComposeAggregateTestCheckFunc(
						checkMembers(s, name, "Query", "Search"),
						resource.TestCheckResourceAttr(addr, "privileges.#", "2"),
					),
					// Milvus returns members in random order; the set does not care.
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
				resource.TestStep{
					// Add and remove in place: no replacement, no new group.
					ConfigDirectory: groupConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "privileges", []string{"Query", "GetStatistics"}),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					}},
					Check: resource.ComposeAggregateTestCheckFunc(
						checkMembers(s, name, "GetStatistics", "Query"),
						func(*terraform.State) error {
							if n := s.Calls("CreatePrivilegeGroup"); n != 1 {
								return fmt.Errorf("the group was created %d times", n)
							}
							return nil
						},
					),
				},
				resource.TestStep{
					ConfigDirectory:   groupConfig(t),
					ConfigVariables:   s.Vars(t, "name", name, "privileges", []string{"Query", "GetStatistics"}),
					ResourceName:      addr,
					ImportState:       true,
					ImportStateVerify: true,
				},
			)
		})
	}
}

// Members of different kinds: the plan refuses them as the server's version
// would (one level from 2.4.21/2.5.4, one object type on 2.4.18-2.4.20 and
// 2.5.0-2.5.3, anything on 2.4.16-2.4.17).
func TestAccPrivilegeGroup_mixedMembersOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	for version, want := range map[string]string{
		"v2.4.16": "",
		"v2.4.18": "of one object type",
		"v2.5.4":  "of one level",
		"v2.6.19": "of one level",
	} {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			step := resource.TestStep{
				ConfigDirectory: groupConfig(t),
				// Query is a Collection privilege; CreateCollection a Global one of database level.
				ConfigVariables: s.Vars(t, "name", "tfacc_mixed", "privileges", []string{"Query", "CreateCollection"}),
			}
			if want != "" {
				step.ExpectError = regexp.MustCompile(`(?s)` + acctest.Words("Privileges of Different Kinds in One Group") + ".*" +
					acctest.Words(want) + ".*CreateCollection")
			} else {
				step.Check = checkMembers(s, "tfacc_mixed", "CreateCollection", "Query")
			}
			acctest.Steps(t, nil, step)
		})
	}
}

// A group granted to roles (here outside Terraform) is not dropped: the
// error names every role, and nothing changes. Once revoked, it goes.
func TestAccPrivilegeGroup_deleteWhileGrantedOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	for _, version := range []string{"v2.4.18", "v2.5.4", "v2.6.19"} {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			name := "tfacc_granted"
			grant := func(role string, kind milvuspb.OperatePrivilegeType) error {
				_, err := s.CreateRole(context.Background(), &milvuspb.CreateRoleRequest{Entity: &milvuspb.RoleEntity{Name: role}})
				if err == nil {
					_, err = s.OperatePrivilegeV2(context.Background(), &milvuspb.OperatePrivilegeV2Request{
						Role: &milvuspb.RoleEntity{Name: role}, Grantor: &milvuspb.GrantorEntity{Privilege: &milvuspb.PrivilegeEntity{Name: name}},
						Type: kind, DbName: "default", CollectionName: "*"})
				}
				return err
			}
			empty := filepath.Join(t.TempDir(), "empty.tf")
			acctest.Must(t, writeFile(empty, "# nothing\n"))
			acctest.Steps(t, nil,
				resource.TestStep{
					ConfigDirectory: groupConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "privileges", []string{"Query"}),
					Check: func(*terraform.State) error {
						for _, role := range []string{"r_one", "r_two"} {
							if err := grant(role, milvuspb.OperatePrivilegeType_Grant); err != nil {
								return err
							}
						}
						return nil
					},
				},
				resource.TestStep{
					ConfigDirectory: acctest.Config(t, empty),
					ConfigVariables: s.Vars(t),
					ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Milvus Privilege Group Still Granted") + ".*" +
						acctest.Words("still granted to the roles r_one, r_two") + ".*" + acctest.Words("Nothing was changed")),
				},
				resource.TestStep{
					PreConfig: func() {
						for _, role := range []string{"r_one", "r_two"} {
							acctest.Must(t, grant(role, milvuspb.OperatePrivilegeType_Revoke))
						}
					},
					ConfigDirectory: acctest.Config(t, empty),
					ConfigVariables: s.Vars(t),
					Check: func(*terraform.State) error {
						if _, exists := s.GroupMembers(name); exists {
							return fmt.Errorf("group %s was not dropped", name)
						}
						return nil
					},
				},
			)
		})
	}
}

// A group is granted with the 2.4.18 call, read back as one Global row, and
// imported by its ID; the data source lists it with the built-in groups.
func TestAccPrivilegeGroup_grantedOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.5.4")
	vars := s.Vars(t, "name", "tfacc_readers", "privileges", []string{"Query", "Search"}, "role", "tfacc_reader")
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/grant", "testdata/datasource"),
			ConfigVariables: vars,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("milvus_grant.test", "object_type", "Global"),
				resource.TestCheckResourceAttr("milvus_grant.test", "id", "tfacc_reader/default/Global/c1/tfacc_readers"),
				func(*terraform.State) error {
					if s.Calls("OperatePrivilegeV2") != 1 || s.Calls("OperatePrivilege") != 0 {
						return fmt.Errorf("the group was granted with %d v2 and %d classic calls", s.Calls("OperatePrivilegeV2"), s.Calls("OperatePrivilege"))
					}
					return nil
				},
			),
		},
		resource.TestStep{
			ConfigDirectory:   acctest.Config(t, "testdata/grant", "testdata/datasource"),
			ConfigVariables:   vars,
			ResourceName:      "milvus_grant.test",
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/grant", "testdata/datasource"),
			ConfigVariables: vars,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.milvus_privilege_groups.all", "groups.#", "10"),
				resource.TestCheckTypeSetElemNestedAttrs("data.milvus_privilege_groups.all", "groups.*", map[string]string{
					"name": "tfacc_readers", "built_in": "false", "privileges.#": "2", "privileges.0": "Query", "privileges.1": "Search",
				}),
				resource.TestCheckTypeSetElemNestedAttrs("data.milvus_privilege_groups.all", "groups.*", map[string]string{
					"name": "ClusterAdmin", "built_in": "true",
				}),
			),
		},
	)
}

// The built-in groups' members are read from the server, which lists them
// as its release defines them: on emulated 3.0.1, CollectionReadWrite holds
// the snapshot privileges 3.0 added; on emulated 2.6.19 it does not.
func TestAccPrivilegeGroups_builtInMembersFromTheServer(t *testing.T) {
	acctest.PreCheck(t)
	for _, c := range []struct {
		version  string
		members  string
		snapshot bool
	}{{"v2.6.19", "28", false}, {"v3.0.1", "34", true}} {
		t.Run(c.version, func(t *testing.T) {
			s := acctest.StartEmulator(t, c.version)
			check := resource.TestCheckTypeSetElemNestedAttrs("data.milvus_privilege_groups.all", "groups.*", map[string]string{
				"name": "CollectionReadWrite", "built_in": "true", "privileges.#": c.members,
			})
			listsSnapshot := resource.TestCheckTypeSetElemAttr("data.milvus_privilege_groups.all", "groups.*.privileges.*", "CreateSnapshot")
			snapshot := listsSnapshot
			if !c.snapshot {
				snapshot = func(st *terraform.State) error {
					if listsSnapshot(st) == nil {
						return fmt.Errorf("%s lists CreateSnapshot in a built-in group", c.version)
					}
					return nil
				}
			}
			acctest.Steps(t, nil, resource.TestStep{
				ConfigDirectory: acctest.Config(t, "testdata/datasource"),
				ConfigVariables: s.Vars(t),
				Check:           resource.ComposeAggregateTestCheckFunc(check, snapshot),
			})
		})
	}
}
