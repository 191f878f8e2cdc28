// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// What the plan and apply say, as the real CLI prints it (the test framework
// does not show warnings).

func databaseCLI(t *testing.T, address, user, password, body string) *acctest.CLI {
	t.Helper()
	cli := acctest.NewCLI(t, fmt.Sprintf("provider \"milvus\" {\n  address  = %q\n  username = %q\n  password = %q\n}\n",
		address, user, password))
	cli.WriteFile("resources.tf", body)
	return cli
}

func expectSaid(t *testing.T, r acctest.Result, words ...string) {
	t.Helper()
	for _, w := range words {
		if !regexp.MustCompile(acctest.Words(w)).MatchString(r.Output) {
			t.Errorf("the CLI did not say %q:\n%s", w, r.Output)
		}
	}
}

// A managed property changed, or removed, outside Terraform: the plan
// names the database, the key, what Milvus holds and what the apply sets.
// On the emulator of Milvus 2.5.8.
func TestAccDatabase_driftWarningsOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.5.8")
	cli := databaseCLI(t, s.Address, "root", "Milvus", `resource "milvus_database" "a" {
  name               = "team_a"
  max_collections    = 10
  force_deny_writing = true
}
`)
	cli.MustRun("apply", "-auto-approve", "-input=false")
	s.SetDatabaseProperty("team_a", "database.max.collections", "99")
	s.SetDatabaseProperty("team_a", "database.force.deny.writing", "")
	s.SetDatabaseProperty("team_a", "someone.else", "x")
	plan := cli.Run("plan", "-input=false")
	expectSaid(t, plan,
		"Warning: Milvus Database Property Changed Outside Terraform: team_a database.max.collections",
		`Database "team_a" has database.max.collections = "99" on the server, but Terraform last set "10": it was changed outside Terraform. The apply sets it to "10" (max_collections).`,
		"Warning: Milvus Database Property Changed Outside Terraform: team_a database.force.deny.writing",
		`Database "team_a" no longer has database.force.deny.writing (Terraform last set "true"): it was removed outside Terraform. The apply sets it to "true" (force_deny_writing).`,
	)
	if regexp.MustCompile("someone.else").MatchString(plan.Output) {
		t.Errorf("a key this resource does not manage shows in the plan:\n%s", plan.Output)
	}
	cli.MustRun("apply", "-auto-approve", "-input=false")
	if again := cli.Run("plan", "-input=false", "-detailed-exitcode"); again.Code != 0 || regexp.MustCompile("Warning: Milvus Database").MatchString(again.Output) {
		t.Errorf("after the apply the plan is not empty and quiet (exit %d):\n%s", again.Code, again.Output)
	}
}

// An empty database with the configured properties is taken over with a
// warning (what an interrupted apply leaves); one with collections is not.
// On the real server.
func TestAccDatabase_takeOverOnlyWhatIsProvablyOurs(t *testing.T) {
	server := acctest.Connect(t)
	empty, used := acctest.RandomName("tfacc_db"), acctest.RandomName("tfacc_db")
	acctest.Must(t, server.CreateDatabase(empty))
	acctest.Must(t, server.CreateDatabase(used))
	acctest.Must(t, server.CreateCollection(used, "orders"))
	t.Cleanup(func() { _ = server.DropDatabase(empty); _ = server.DropDatabase(used) })
	body := func(name string) string {
		return fmt.Sprintf("resource \"milvus_database\" \"x\" {\n  name = %q\n}\n", name)
	}

	cli := databaseCLI(t, server.Address, server.Username, server.Password, body(empty))
	took := cli.MustRun("apply", "-auto-approve", "-input=false")
	expectSaid(t, took, "Warning: Existing Milvus Database Taken Over: "+empty,
		fmt.Sprintf("Milvus already had database %q, and it holds no collections and has exactly the configured properties", empty),
		"Nothing was changed on the server.")

	other := databaseCLI(t, server.Address, server.Username, server.Password, body(used))
	refused := other.Run("apply", "-auto-approve", "-input=false")
	if refused.Code == 0 {
		t.Fatalf("a database holding a collection was taken over:\n%s", refused.Output)
	}
	expectSaid(t, refused, "Error: Milvus Database Already Exists",
		"It cannot be told apart from a database someone else made: it holds 1 collection (orders).",
		fmt.Sprintf(`id = %q`, used))
	if cols, err := server.Collections(used); err != nil || len(cols) != 1 {
		t.Errorf("the refused create changed the database: %v %v", cols, err)
	}
}

// Destroying a database revokes the grants that name it, and says which;
// renaming one says it is replaced.
func TestAccDatabase_destroyAndRenameSayWhatTheyDo(t *testing.T) {
	server := acctest.Connect(t)
	name, renamed, role := acctest.RandomName("tfacc_db"), acctest.RandomName("tfacc_db"), acctest.RandomName("tfacc_role")
	acctest.Must(t, server.CreateRole(role))
	row := acctest.GrantRow{ObjectType: "Global", ObjectName: "*", DB: name, Privilege: "CreateCollection"}
	t.Cleanup(func() {
		_ = server.Revoke(role, row)
		_ = server.DropRole(role)
		_ = server.DropDatabase(name)
		_ = server.DropDatabase(renamed)
	})
	body := func(n string) string { return fmt.Sprintf("resource \"milvus_database\" \"x\" {\n  name = %q\n}\n", n) }
	cli := databaseCLI(t, server.Address, server.Username, server.Password, body(name))
	cli.MustRun("apply", "-auto-approve", "-input=false")
	acctest.Must(t, server.Grant(role, row))

	cli.WriteFile("resources.tf", body(renamed))
	plan := cli.Run("plan", "-input=false")
	expectSaid(t, plan, "Warning: Milvus Database Will Be Replaced: "+name,
		fmt.Sprintf("renaming %q to %q drops database %q (after revoking every grant that names it)", name, renamed, name),
		"Milvus refuses to drop a database that still holds collections")

	applied := cli.MustRun("apply", "-auto-approve", "-input=false")
	expectSaid(t, applied, "Warning: Grants in Milvus Database Revoked: "+name,
		fmt.Sprintf("role %s: CreateCollection on Global *", role))
	acctest.Must(t, server.CheckGrant(role, row, false)(nil))
	acctest.Must(t, server.CheckDatabase(name, false)(nil))
	acctest.Must(t, server.CheckDatabase(renamed, true)(nil))
}
