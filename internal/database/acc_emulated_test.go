// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database_test

import (
	"fmt"
	"maps"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// Database properties exist only in Milvus 2.4.6 and later, which cannot
// run here: these tests drive the resource through a real CLI against the
// emulator (acctest.Emulator), whose replies are written from each
// release's source. They prove the provider's logic on emulated replies,
// not the servers themselves.

// checkProperties passes when the emulated database holds exactly want.
func checkProperties(s *acctest.Emulator, db string, want map[string]string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, ok := s.DatabaseProperties(db)
		if !ok {
			return fmt.Errorf("the server has no database %s", db)
		}
		if !maps.Equal(got, want) {
			return fmt.Errorf("database %s holds %v, want %v", db, got, want)
		}
		return nil
	}
}

// The whole life of a database's properties: create with every kind of
// typed attribute and a free key; a managed key changed outside Terraform is
// set back, while keys others set (and names in another order) are not
// drift; a change sets in place; a key dropped from the configuration is
// removed; import takes every key the server holds.
func TestAccDatabase_propertiesOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	for _, version := range []string{"v2.4.18", "v2.5.8", "v2.6.6", "v2.6.19"} {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			name := "team_a"
			first := []any{"name", name, "max_collections", 10, "force_deny_writing", false, "replica_number", 2,
				"resource_groups", []string{"rg_b", "rg_a"}, "disk_quota_mb", 1024.5, "properties", map[string]string{"team": "a"}}
			created := map[string]string{"database.max.collections": "10", "database.force.deny.writing": "false",
				"database.replica.number": "2", "database.resource_groups": "rg_a,rg_b", "database.diskQuota.mb": "1024.5", "team": "a"}
			acctest.Steps(t, func(*terraform.State) error {
				if _, ok := s.DatabaseProperties(name); ok {
					return fmt.Errorf("destroy left database %s", name)
				}
				return nil
			},
				resource.TestStep{
					ConfigDirectory: databaseConfig(t),
					ConfigVariables: s.Vars(t, first...),
					Check:           checkProperties(s, name, created),
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectEmptyPlan(),
					}},
				},
				resource.TestStep{
					// Changed outside: max_collections is set back in place; names
					// in another order and a key of someone else's are not drift.
					PreConfig: func() {
						s.SetDatabaseProperty(name, "database.max.collections", "99")
						s.SetDatabaseProperty(name, "database.resource_groups", "rg_b, rg_a")
						s.SetDatabaseProperty(name, "owner.note", "kept")
					},
					ConfigDirectory: databaseConfig(t),
					ConfigVariables: s.Vars(t, first...),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					}},
					Check: checkProperties(s, name, with(created, map[string]string{
						"database.max.collections": "10", "database.resource_groups": "rg_b, rg_a", "owner.note": "kept"})),
				},
				resource.TestStep{
					// In place: a new value, a key dropped from the configuration.
					ConfigDirectory: databaseConfig(t),
					ConfigVariables: s.Vars(t, "name", name, "max_collections", 20, "replica_number", 2,
						"resource_groups", []string{"rg_a", "rg_b"}, "disk_quota_mb", 1024.5, "properties", map[string]string{"team": "a"}),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					}},
					Check: checkProperties(s, name, with(created, map[string]string{
						"database.max.collections": "20", "database.force.deny.writing": "", "database.resource_groups": "rg_b, rg_a",
						"owner.note": "kept"})),
				},
				resource.TestStep{
					// Import takes every key the server holds, typed or not.
					ConfigDirectory: databaseConfig(t),
					ConfigVariables: s.Vars(t, "name", name),
					ResourceName:    addr,
					ImportState:     true,
					ImportStateCheck: func(states []*terraform.InstanceState) error {
						attrs := states[0].Attributes
						for k, want := range map[string]string{"max_collections": "20", "replica_number": "2", "disk_quota_mb": "1024.5",
							"resource_groups.#": "2", "properties.team": "a", "properties.owner.note": "kept", "properties.%": "2"} {
							if attrs[k] != want {
								return fmt.Errorf("imported %s = %q, want %q", k, attrs[k], want)
							}
						}
						return nil
					},
				},
			)
		})
	}
}

// with returns base with changes applied ("" removes a key).
func with(base, changes map[string]string) map[string]string {
	out := maps.Clone(base)
	for k, v := range changes {
		if v == "" {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

// Each property is refused at plan time on a server too old for it,
// naming the version it needs; nothing reaches the server.
func TestAccDatabase_versionGatesOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	cases := []struct {
		version string
		pairs   []any
		want    string
	}{
		{"v2.4.5", []any{"max_collections", 5}, "database properties needs Milvus 2.4.6 or later, and this server is v2.4.5"},
		{"v2.4.5", []any{"properties", map[string]string{"team": "a"}}, "database properties needs Milvus 2.4.6 or later"},
		{"v2.4.9", []any{"force_deny_reading", true}, "database.force.deny.reading needs Milvus 2.4.10 or later"},
		{"v2.5.7", []any{"force_deny_ddl", true}, "needs Milvus 2.5.8 or later (2.4.24 on the 2.4 line), and this server is v2.5.7"},
		{"v2.4.23", []any{"force_deny_index", true}, "needs Milvus 2.5.8 or later (2.4.24 on the 2.4 line), and this server is v2.4.23"},
		{"v2.6.5", []any{"timezone", "Europe/Paris"}, "timezone needs Milvus 2.6.6 or later"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s %v", c.version, c.pairs[0]), func(t *testing.T) {
			s := acctest.StartEmulator(t, c.version)
			acctest.Steps(t, nil, resource.TestStep{
				ConfigDirectory: databaseConfig(t),
				ConfigVariables: s.Vars(t, append([]any{"name", "team_a"}, c.pairs...)...),
				PlanOnly:        true,
				ExpectError:     regexp.MustCompile(`(?s)Unsupported Milvus Version.*` + acctest.Words(c.want)),
			})
			if n := s.Calls("CreateDatabase") + s.Calls("AlterDatabase"); n > 0 {
				t.Fatalf("%d writes reached the server", n)
			}
		})
	}
	// Where the server has them, the same inputs plan.
	for version, pairs := range map[string][]any{"v2.4.24": {"force_deny_index", true}, "v2.4.10": {"force_deny_reading", true},
		"v2.6.6": {"timezone", "Europe/Paris"}} {
		s := acctest.StartEmulator(t, version)
		acctest.Steps(t, nil, resource.TestStep{
			ConfigDirectory: databaseConfig(t), ConfigVariables: s.Vars(t, append([]any{"name", "team_a"}, pairs...)...),
			PlanOnly: true, ExpectNonEmptyPlan: true,
		})
	}
}

// Before Milvus 2.5.0 (2.4.18 on the 2.4 line) a key cannot be removed:
// dropping it from the configuration is refused at plan time, saying what
// to do instead, and nothing changes.
func TestAccDatabase_removingAKeyOnAnOldServer(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.4.17")
	name := "team_a"
	acctest.Steps(t, nil,
		resource.TestStep{
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: s.Vars(t, "name", name, "force_deny_writing", true, "max_collections", 4),
			Check:           checkProperties(s, name, map[string]string{"database.force.deny.writing": "true", "database.max.collections": "4"}),
		},
		resource.TestStep{
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: s.Vars(t, "name", name, "max_collections", 4),
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Remove Milvus Database Property") + ".*" +
				acctest.Words(`database "team_a" no longer sets database.force.deny.writing (force_deny_writing)`) + ".*" +
				acctest.Words("needs Milvus 2.5.0 or later (2.4.18 on the 2.4 line). Nothing was changed.") + ".*" +
				acctest.Words("false turns a force_deny switch off")),
		},
		resource.TestStep{
			// The way out the error gives: say false instead.
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: s.Vars(t, "name", name, "force_deny_writing", false, "max_collections", 4),
			Check:           checkProperties(s, name, map[string]string{"database.force.deny.writing": "false", "database.max.collections": "4"}),
		},
	)
}

// rootCoord.maxDatabaseNum: the error names the setting.
func TestAccDatabase_limitOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.5.8")
	s.SetMaxDatabases(1)
	acctest.Steps(t, nil, resource.TestStep{
		ConfigDirectory: databaseConfig(t),
		ConfigVariables: s.Vars(t, "name", "team_a"),
		ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Create Milvus Database") + ".*" +
			acctest.Words("exceeded the limit number of database[limit=1]") + ".*" +
			acctest.Words("Milvus allows rootCoord.maxDatabaseNum databases (64 by default)")),
	})
}

// default's properties are managed once it is imported.
func TestAccDatabase_defaultPropertiesOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.5.8")
	acctest.Steps(t, func(*terraform.State) error {
		_, ok := s.DatabaseProperties("default")
		if !ok {
			return fmt.Errorf("destroy dropped default")
		}
		return nil
	},
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/import"),
			ConfigVariables: s.Vars(t, "name", "default"),
		},
		resource.TestStep{
			ConfigDirectory: databaseConfig(t),
			ConfigVariables: s.Vars(t, "name", "default", "max_collections", 30),
			Check:           checkProperties(s, "default", map[string]string{"database.max.collections": "30"}),
		},
	)
}
