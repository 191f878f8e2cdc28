// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// tenantConfig is one module block per team, from examples/modules/tenant.
func tenantConfig(t *testing.T, cli *acctest.CLI, server *acctest.Server, teams ...string) string {
	t.Helper()
	module, err := filepath.Abs("../../examples/modules/tenant")
	acctest.Must(t, err)
	source, err := filepath.Rel(cli.Dir, module)
	acctest.Must(t, err)
	text := fmt.Sprintf("provider \"milvus\" {\n  address  = %q\n  username = %q\n  password = %q\n}\n\n"+
		"variable \"passwords\" {\n  type      = map(string)\n  ephemeral = true\n}\n", server.Address, server.Username, server.Password)
	for _, team := range teams {
		text += fmt.Sprintf(`
module %[1]q {
  source    = %[2]q
  name      = %[1]q
  readers   = [%[1]q + "_r"]
  writers   = [%[1]q + "_w"]
  owners    = [%[1]q + "_o"]
  passwords = var.passwords
}
`, team, source)
	}
	return strings.ReplaceAll(text, `" + "`, "")
}

// tenantPasswords are every user's password, for TF_VAR_passwords.
func tenantPasswords(t *testing.T, teams ...string) (string, map[string]string) {
	t.Helper()
	passwords := map[string]string{}
	for _, team := range teams {
		for _, kind := range []string{"r", "w", "o"} {
			passwords[team+"_"+kind] = acctest.RandomPassword()
		}
	}
	raw, err := json.Marshal(passwords)
	acctest.Must(t, err)
	return string(raw), passwords
}

// allowed asserts that each operation is allowed (or refused for lack of a
// privilege), waiting for Milvus's privilege cache as acctest.ExpectAllowed does.
func allowed(t *testing.T, server *acctest.Server, want bool, what string, op func() error) {
	t.Helper()
	if err := server.ExpectAllowed(want, op); err != nil {
		t.Errorf("%s (allowed = %v): %v", what, want, err)
	}
}

// Two teams from the tenant module, proven by logging in as each user on
// the real server: each role allows the work of its name in its team's
// database and nothing more; one team cannot touch the other's data; and
// destroying one team leaves the other untouched and nothing of the
// destroyed one on the server.
func TestAccE2E_tenantModuleIsolatesTeams(t *testing.T) {
	server := acctest.Connect(t)
	suffix := strings.ToLower(acctest.RandomName("t"))[2:]
	a, b := "tfacc_ta_"+suffix, "tfacc_tb_"+suffix
	vars, pw := tenantPasswords(t, a, b)
	cli := acctest.NewCLI(t, "", "TF_VAR_passwords="+vars)
	cli.SkipBelow("1.11.0", "the tenant module's write-only passwords")
	t.Cleanup(func() { cleanTenant(server, a); cleanTenant(server, b) })
	cli.WriteFile("main.tf", cli.ReadFile("main.tf")+tenantConfig(t, cli, server, a, b))
	cli.MustRun("get") // installs the module; init would look for the provider in a registry
	cli.MustRun("apply", "-auto-approve", "-input=false", "-parallelism=10")

	as := func(team, kind, db string) *acctest.Session { u := team + "_" + kind; return server.As(u, pw[u], db) }
	ownerA, writerA, readerA := as(a, "o", a), as(a, "w", a), as(a, "r", a)

	// The owner shapes its database.
	allowed(t, server, true, "owner creates a collection", func() error { return ownerA.CreateCollection("docs") })
	allowed(t, server, true, "owner creates an index", func() error { return ownerA.CreateIndex("docs") })
	// The writer changes data, and does not shape the database.
	allowed(t, server, true, "writer inserts", func() error { return writerA.Insert("docs", 1, 2, 3) })
	allowed(t, server, true, "writer upserts", func() error { return writerA.Upsert("docs", 2) })
	allowed(t, server, true, "writer deletes", func() error { return writerA.Delete("docs", 3) })
	allowed(t, server, false, "writer creates a collection", func() error { return writerA.CreateCollection("w_docs") })
	allowed(t, server, false, "writer drops a collection", func() error { return writerA.DropCollection("docs") })
	// The reader reads, and changes nothing.
	allowed(t, server, true, "reader lists collections", func() error {
		names, err := readerA.ListCollections()
		if err == nil && !slices.Contains(names, "docs") {
			err = fmt.Errorf("the reader lists %v", names)
		}
		return err
	})
	allowed(t, server, true, "reader describes", func() error { return readerA.Describe("docs") })
	allowed(t, server, true, "reader loads", func() error { return readerA.Load("docs") })
	allowed(t, server, true, "reader searches", func() error { return readerA.Search("docs") })
	allowed(t, server, true, "reader queries", func() error { return readerA.Query("docs") })
	allowed(t, server, false, "reader inserts", func() error { return readerA.Insert("docs", 9) })
	allowed(t, server, false, "reader deletes", func() error { return readerA.Delete("docs", 1) })

	// Team b's owner makes a collection; nobody of team a may touch it.
	ownerB := as(b, "o", b)
	allowed(t, server, true, "b's owner creates a collection", func() error { return ownerB.CreateCollection("b_docs") })
	allowed(t, server, true, "b's owner creates an index", func() error { return ownerB.CreateIndex("b_docs") })
	for _, s := range []*acctest.Session{as(a, "o", b), as(a, "w", b), as(a, "r", b)} {
		who := s.User + " in " + b
		allowed(t, server, false, who+" creates a collection", func() error { return s.CreateCollection("intruder") })
		allowed(t, server, false, who+" drops a collection", func() error { return s.DropCollection("b_docs") })
		allowed(t, server, false, who+" inserts", func() error { return s.Insert("b_docs", 1) })
		allowed(t, server, false, who+" loads", func() error { return s.Load("b_docs") })
		allowed(t, server, false, who+" searches", func() error { return s.Search("b_docs") })
		allowed(t, server, false, who+" queries", func() error { return s.Query("b_docs") })
		allowed(t, server, false, who+" creates an index", func() error { return s.CreateIndex("b_docs") })
	}
	// What Milvus's built-in public role gives every user (the module's
	// README says so): listing and describing another team's collections.
	allowed(t, server, true, "a's owner lists b's collections through public", func() error {
		_, err := as(a, "o", b).ListCollections()
		return err
	})
	allowed(t, server, true, "a's owner describes b's collection through public", func() error { return as(a, "o", b).Describe("b_docs") })

	// The closed form, as the module's README says: public's grants held
	// by a milvus_role_policy, and declared empty. Now a's users cannot even
	// list or describe b's collections, and each team still works in its own
	// database. (public's defaults are granted again when the test ends.)
	t.Cleanup(func() { restorePublic(t, server) })
	cli.WriteFile("public.tf", "resource \"milvus_role_policy\" \"public\" {\n  role   = \"public\"\n  grants = []\n}\n")
	cli.MustRun("apply", "-auto-approve", "-input=false")
	for _, s := range []*acctest.Session{as(a, "o", b), as(a, "w", b), as(a, "r", b)} {
		allowed(t, server, false, s.User+" lists b's collections", func() error { _, err := s.ListCollections(); return err })
		allowed(t, server, false, s.User+" describes b's collection", func() error { return s.Describe("b_docs") })
	}
	allowed(t, server, true, "a's reader still lists its own collections", func() error { _, err := readerA.ListCollections(); return err })
	allowed(t, server, true, "a's reader still describes", func() error { return readerA.Describe("docs") })
	allowed(t, server, true, "a's reader still searches", func() error { return readerA.Search("docs") })
	allowed(t, server, true, "b's owner still lists its own collections", func() error { _, err := ownerB.ListCollections(); return err })

	// Destroy team b (its owner empties its database first: Milvus drops
	// only an empty one). Team a is untouched; nothing of b is left.
	acctest.Must(t, ownerB.DropCollection("b_docs"))
	cli.WriteFile("main.tf", strings.Split(cli.ReadFile("main.tf"), "\nmodule \""+b)[0])
	cli.MustRun("apply", "-auto-approve", "-input=false", "-parallelism=10")
	leftOf(t, server, b)
	for _, kind := range []string{"r", "w", "o"} {
		acctest.Must(t, server.Login(a+"_"+kind, pw[a+"_"+kind]))
	}
	allowed(t, server, true, "a's reader still searches", func() error { return readerA.Search("docs") })
	allowed(t, server, true, "a's writer still inserts", func() error { return writerA.Insert("docs", 4) })
	if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
		t.Errorf("the plan after destroying team b is not empty (exit %d):\n%s", r.Code, r.Output)
	}
	acctest.Must(t, ownerA.DropCollection("docs"))
}

// publicDefaults are the grants Milvus gives the public role.
var publicDefaults = []acctest.GrantRow{
	{ObjectType: "Collection", ObjectName: "*", DB: "*", Privilege: "IndexDetail"},
	{ObjectType: "Global", ObjectName: "*", DB: "*", Privilege: "DescribeCollection"},
	{ObjectType: "Global", ObjectName: "*", DB: "*", Privilege: "ShowCollections"},
}

// restorePublic grants public its defaults again.
func restorePublic(t *testing.T, server *acctest.Server) {
	for _, g := range publicDefaults {
		if err := server.Grant("public", g); err != nil {
			t.Errorf("restore public's %s: %v", g.Privilege, err)
		}
	}
}

// leftOf fails the test for anything of team left on the server: a user, a
// role, a grant naming its database (of any role), or the database.
func leftOf(t *testing.T, server *acctest.Server, team string) {
	t.Helper()
	users, err := server.Users()
	acctest.Must(t, err)
	roles, err := server.AllRoles()
	acctest.Must(t, err)
	for _, name := range append(users, roles...) {
		if strings.HasPrefix(name, team+"_") {
			t.Errorf("%s of the destroyed team is still on the server", name)
		}
	}
	for _, role := range roles {
		grants, err := server.Grants(role, team)
		acctest.Must(t, err)
		for _, g := range grants {
			if g.DB == team {
				t.Errorf("role %s still has %v in the destroyed team's database", role, g)
			}
		}
	}
	dbs, err := server.Databases()
	acctest.Must(t, err)
	for _, db := range dbs {
		if db == team || strings.HasPrefix(db, team+"_") {
			t.Errorf("database %s of the destroyed team is still there", db)
		}
	}
}

// cleanTenant removes what a failed run may leave.
func cleanTenant(server *acctest.Server, team string) {
	users, _ := server.Users()
	for _, u := range users {
		if strings.HasPrefix(u, team+"_") {
			_ = server.DropUser(u)
		}
	}
	roles, _ := server.AllRoles()
	for _, r := range roles {
		if strings.HasPrefix(r, team+"_") {
			for _, db := range []string{team, "default"} {
				grants, _ := server.Grants(r, db)
				for _, g := range grants {
					_ = server.Revoke(r, g)
				}
			}
			_ = server.DropRole(r)
		}
	}
	_ = server.DropDatabase(team)
}
