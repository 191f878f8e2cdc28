// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// teams is a configuration of n teams, each with a database, a role with
// three grants in it, a user and the user's binding to the role.
const teams = `
variable "address" {
  type = string
}
variable "prefix" {
  type = string
}
variable "teams" {
  type = number
}

provider "milvus" {
  address     = var.address
  timeout     = "3s"
  max_retries = 2
}

locals {
  teams  = toset([for i in range(var.teams) : format("%s_%02d", var.prefix, i)])
  grants = { for p in setproduct(local.teams, ["ShowCollections", "Query", "Insert"]) : "${p[0]}/${p[1]}" => p }
}

resource "milvus_database" "team" {
  for_each = local.teams
  name     = each.key
}

resource "milvus_role" "team" {
  for_each = local.teams
  name     = each.key
}

resource "milvus_grant" "team" {
  for_each  = local.grants
  role      = milvus_role.team[each.value[0]].name
  privilege = each.value[1]
  db_name   = milvus_database.team[each.value[0]].name
}

resource "milvus_user" "team" {
  for_each = local.teams
  name     = each.key
  password = "Pw_${each.key}"
}

resource "milvus_user_role" "team" {
  for_each = local.teams
  user     = milvus_user.team[each.key].name
  role     = milvus_role.team[each.key].name
}
`

var teamPrivileges = map[string]string{"ShowCollections": "Global", "Query": "Collection", "Insert": "Collection"}

// waitForFirstRole waits until Milvus has a role whose name starts with
// prefix: the apply is creating roles.
func waitForFirstRole(server *acctest.Server, prefix string) {
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if roles, err := server.AllRoles(); err == nil && slices.ContainsFunc(roles, func(r string) bool { return strings.HasPrefix(r, prefix) }) {
			return
		}
	}
}

// countBound counts the users bound to their roles.
func countBound(server *acctest.Server, names []string) int {
	bound := 0
	for _, n := range names {
		if roles, err := server.Roles(n); err == nil && slices.Contains(roles, n) {
			bound++
		}
	}
	return bound
}

// recordedNames lists the names of the resources of one type in the state
// file ("" state: none).
func recordedNames(t *testing.T, cli *acctest.CLI, typeName string) map[string]bool {
	t.Helper()
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Attributes struct {
					Name string `json:"name"`
				} `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if raw := cli.ReadFile("terraform.tfstate"); raw != "" {
		_ = json.Unmarshal([]byte(raw), &state)
	}
	out := map[string]bool{}
	for _, r := range state.Resources {
		for _, i := range r.Instances {
			if r.Type == typeName {
				out[i.Attributes.Name] = true
			}
		}
	}
	return out
}

// teamsConverged checks the end state: the plan is empty; every database,
// role, grant, user and binding is on the server, and no other of this
// test's (none stuck, none lost); every user logs in and may do what its
// grants allow in its database.
func teamsConverged(t *testing.T, cli *acctest.CLI, server *acctest.Server, prefix string, names []string) {
	t.Helper()
	if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
		t.Fatalf("the plan after the second apply is not empty (exit %d):\n%s", r.Code, r.Output)
	}
	ours := func(list []string) (n int) {
		for _, v := range list {
			if strings.HasPrefix(v, prefix+"_") {
				n++
			}
		}
		return n
	}
	users, err := server.Users()
	acctest.Must(t, err)
	roles, err := server.AllRoles()
	acctest.Must(t, err)
	dbs, err := server.Databases()
	acctest.Must(t, err)
	if ours(users) != len(names) || ours(roles) != len(names) || ours(dbs) != len(names) {
		t.Errorf("Milvus has %d users, %d roles and %d databases of this test, want %d of each", ours(users), ours(roles), ours(dbs), len(names))
	}
	for _, n := range names {
		acctest.Must(t, server.Login(n, "Pw_"+n))
		acctest.Must(t, server.CheckBound(n, n, true)(nil))
		for privilege, objectType := range teamPrivileges {
			acctest.Must(t, server.CheckGrant(n, acctest.GrantRow{ObjectType: objectType, ObjectName: "*", DB: n, Privilege: privilege}, true)(nil))
		}
	}
	// One team, by logging in: it lists its database's collections.
	if err := server.ExpectAllowed(true, func() error { _, err := server.As(names[0], "Pw_"+names[0], names[0]).ListCollections(); return err }); err != nil {
		t.Errorf("%s cannot list its database's collections: %v", names[0], err)
	}
}

func dropTeams(server *acctest.Server, names []string) {
	for _, n := range names {
		_ = server.DropUser(n)
		for privilege, objectType := range teamPrivileges {
			_ = server.Revoke(n, acctest.GrantRow{ObjectType: objectType, ObjectName: "*", DB: n, Privilege: privilege})
		}
		_ = server.DropRole(n)
		_ = server.DropDatabase(n)
	}
}

// Terraform is killed (SIGKILL, with its provider) while it creates
// databases, roles, grants, users and bindings for 10 teams. The same apply
// run again converges with no manual step: what the killed run created but
// did not record is taken over, each on its own proof (an empty database
// with the configured properties, a role without grants or members, a user
// that logs in with its password), with a warning naming it. 0 stuck, 0
// lost. (The local state file is
// written after each resource, so what a kill leaves unrecorded is what was
// in flight; with a remote backend, written every 20 seconds, a role may
// also have been granted: the journal covers that, see
// TestAccRole_takeOverOnlyWhatIsProvablyOurs.)
func TestAccE2E_terraformKilledMidApplyOfTeams(t *testing.T) {
	server := acctest.Connect(t)
	prefix := strings.ToLower(acctest.RandomName("tfkt"))
	names := names(prefix, 10)
	t.Cleanup(func() { dropTeams(server, names) })
	cli := acctest.NewCLI(t, teams, "TF_VAR_address="+server.Address, "TF_VAR_prefix="+prefix, "TF_VAR_teams=10",
		"MILVUS_PROVIDER_JOURNAL_DIR="+t.TempDir())

	run := cli.Start(context.Background(), "apply", "-auto-approve", "-input=false", "-parallelism=6")
	waitForFirstRole(server, prefix)
	acctest.KillGroup(run)
	time.Sleep(time.Second) // requests already sent still land

	// What the killed run created and did not record. A kill can land when
	// everything created was recorded; then one of each is created here as
	// an interrupted create would, so each run proves the take-overs.
	orphans := map[string][]string{}
	for kind, exists := range map[string]func(string) (bool, error){"Role": server.RoleExists, "Database": server.DatabaseExists,
		"User": server.UserExists} {
		recorded := recordedNames(t, cli, "milvus_"+strings.ToLower(kind))
		var missing string
		for _, n := range names {
			has, err := exists(n)
			acctest.Must(t, err)
			switch {
			case has && !recorded[n]:
				orphans[kind] = append(orphans[kind], n)
			case !has && missing == "":
				missing = n
			}
		}
		if len(orphans[kind]) == 0 && missing != "" {
			switch kind {
			case "Role":
				acctest.Must(t, server.CreateRole(missing))
			case "Database":
				acctest.Must(t, server.CreateDatabase(missing))
			default:
				acctest.Must(t, server.CreateUser(missing, "Pw_"+missing))
			}
			orphans[kind] = []string{missing}
			t.Logf("every %s created was recorded; created %s as an interrupted create would", strings.ToLower(kind), missing)
		}
	}
	t.Logf("not in state after the kill: roles %v, databases %v, users %v", orphans["Role"], orphans["Database"], orphans["User"])

	again := cli.MustRun("apply", "-auto-approve", "-input=false", "-parallelism=6")
	said := strings.Join(strings.Fields(again.Output), " ")
	for kind, list := range orphans {
		for _, n := range list {
			if !strings.Contains(said, "Warning: Existing Milvus "+kind+" Taken Over: "+n+" ") {
				t.Errorf("the second apply did not say it took %s %s over:\n%s", strings.ToLower(kind), n, again.Output)
			}
		}
	}
	teamsConverged(t, cli, server, prefix, names)
	cli.MustRun("destroy", "-auto-approve", "-input=false")
	leftOf(t, server, prefix)
}

// Milvus is killed (SIGKILL) while Terraform creates 5 teams, and restarted
// on the same data; the apply fails, and the same apply again converges:
// nothing stuck, nothing lost. (The server with Milvus's default limits, 10
// roles, is the one the test may kill.)
func TestAccE2E_milvusKilledMidApplyOfTeams(t *testing.T) {
	server := acctest.ConnectDefaults(t)
	instance := os.Getenv("MILVUS_TEST_DEFAULTS_INSTANCE")
	if instance == "" {
		t.Skip("needs the defaults server run by scripts/milvus-server.sh (MILVUS_TEST_DEFAULTS_INSTANCE): it is killed and restarted")
	}
	prefix := strings.ToLower(acctest.RandomName("tfmt"))
	names := names(prefix, 5)
	t.Cleanup(func() { dropTeams(server, names) })
	cli := acctest.NewCLI(t, teams, "TF_VAR_address="+server.Address, "TF_VAR_prefix="+prefix, "TF_VAR_teams=5",
		"MILVUS_USERNAME=root", "MILVUS_PASSWORD=Milvus", "MILVUS_PROVIDER_JOURNAL_DIR="+t.TempDir())

	run := cli.Start(context.Background(), "apply", "-auto-approve", "-input=false", "-parallelism=4")
	waitForFirstRole(server, prefix)
	milvusServer(t, instance, "kill")
	_ = run.Wait() // the apply fails: Milvus is gone
	start := time.Now()
	milvusServer(t, instance, "restart")
	t.Logf("Milvus restarted in %s", time.Since(start).Round(time.Second))
	bound := countBound(server, names)
	t.Logf("killed Milvus with %d of %d users bound", bound, len(names))
	if bound == len(names) {
		t.Fatal("the apply finished before Milvus could be killed; the test proves nothing")
	}

	second := cli.MustRun("apply", "-auto-approve", "-input=false")
	t.Logf("the second apply took %s", second.Took.Round(time.Second))
	teamsConverged(t, cli, server, prefix, names)
	cli.MustRun("destroy", "-auto-approve", "-input=false")
	leftOf(t, server, prefix)
}

// names are the team names teams creates.
func names(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s_%02d", prefix, i)
	}
	return out
}

// milvusServer runs scripts/milvus-server.sh for a test server instance.
func milvusServer(t *testing.T, instance, command string) {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(file), "..", "..", "scripts", "milvus-server.sh")
	cmd := exec.Command("bash", script, command)
	cmd.Env = append(os.Environ(), "MILVUS_TEST_INSTANCE="+instance)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("milvus-server.sh %s: %v\n%s", command, err, out)
	}
}
