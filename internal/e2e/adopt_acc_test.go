// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const adoptGuide = "../../templates/guides/adopting-an-existing-milvus.md.tmpl"

// guideStep is one thing the guide says to do: write a file, or run a
// command.
type guideStep struct {
	file, text string // a file to write
	command    []string
	into       string // the file the command's output goes to
}

// guideSteps reads the guide's code blocks: terraform blocks that start
// with "# File: <name>" are files to write; every line of a shell block is
// a command.
func guideSteps(t *testing.T) []guideStep {
	t.Helper()
	raw, err := os.ReadFile(adoptGuide)
	acctest.Must(t, err)
	var steps []guideStep
	blocks := regexp.MustCompile("(?s)```(terraform|shell)\n(.*?)```").FindAllStringSubmatch(string(raw), -1)
	for _, b := range blocks {
		if b[1] == "terraform" {
			if name, ok := strings.CutPrefix(strings.SplitN(b[2], "\n", 2)[0], "# File: "); ok {
				steps = append(steps, guideStep{file: name, text: b[2]})
			}
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(b[2]), "\n") {
			line, _, _ = strings.Cut(line, " #")
			s := guideStep{}
			line, s.into, _ = strings.Cut(line, ">")
			s.command, s.into = strings.Fields(line), strings.TrimSpace(s.into)
			steps = append(steps, s)
		}
	}
	if len(steps) < 8 {
		t.Fatalf("the guide has %d steps; its code blocks were not found", len(steps))
	}
	return steps
}

// A server set up by scripts (10 users, 4 roles with bindings, 20 grants
// over 2 databases) is adopted by running the steps of the guide "Adopting
// an existing Milvus" unchanged, with the real CLI, through a proxy that
// counts requests: the generated configuration is formatted and validates,
// neither apply sends Milvus a write, the next plan is empty, and every user
// still logs in with the password it had. In both styles.
func TestAccE2E_adoptingAnExistingMilvus(t *testing.T) {
	for _, style := range []string{"additive", "authoritative"} {
		t.Run(style, func(t *testing.T) {
			server := acctest.Connect(t)
			prefix := strings.ToLower(acctest.RandomName("tfad"))
			made := scriptedSetup(t, server, prefix)
			proxy := acctest.StartProxy(t, server.Address)
			cli := acctest.NewCLIFiles(t, map[string]string{}, "MILVUS_ADDRESS="+proxy.Address,
				"MILVUS_USERNAME="+server.Username, "MILVUS_PASSWORD="+server.Password)
			cli.WriteFile("versions.tf", "terraform {\n  required_providers {\n    milvus = { source = \"milvus-terraform/milvus\" }\n  }\n}\n")
			for _, step := range guideSteps(t) {
				switch {
				case step.file != "":
					cli.WriteFile(step.file, strings.Replace(step.text, `style = "additive"`, fmt.Sprintf("style = %q", style), 1))
					continue
				case step.command[1] == "init":
					continue // the provider is this build, served through dev_overrides: nothing to install
				}
				proxy.ResetCalls()
				r := cli.Run(step.command[1:]...)
				if r.Code != 0 {
					t.Fatalf("%s exited %d:\n%s", strings.Join(step.command, " "), r.Code, r.Output)
				}
				if step.into != "" {
					cli.WriteFile(step.into, r.Output)
				}
				for _, w := range writeRPCs {
					if n := proxy.Calls(w); n > 0 {
						t.Errorf("%s sent %s to Milvus %d times", strings.Join(step.command, " "), w, n)
					}
				}
			}
			if r := cli.Run("fmt", "-check", "generated.tf"); r.Code != 0 {
				t.Errorf("generated.tf is not formatted:\n%s", r.Output)
			}
			state := cli.MustRun("state", "list").Output
			for _, address := range made.addresses(style) {
				if !strings.Contains(state, address+"\n") {
					t.Errorf("%s was not adopted; the state holds:\n%s", address, state)
				}
			}
			for user, password := range made.passwords {
				if err := server.Login(user, password); err != nil {
					t.Errorf("after the adoption: %v", err)
				}
			}
		})
	}
}

// The guide's import blocks with for_each over the data source's import
// IDs (Terraform 1.7 and later) adopt the same objects.
func TestAccE2E_adoptingWithForEach(t *testing.T) {
	server := acctest.Connect(t)
	made := scriptedSetup(t, server, strings.ToLower(acctest.RandomName("tfaf")))
	raw, err := os.ReadFile(adoptGuide)
	acctest.Must(t, err)
	forEach := regexp.MustCompile("(?s)```terraform\n(import \\{\n  for_each = toset\\(data\\.milvus_access.*?)```").FindStringSubmatch(string(raw))
	if forEach == nil {
		t.Fatal("the guide has no import block with for_each")
	}
	cli := acctest.NewCLIFiles(t, map[string]string{}, "MILVUS_ADDRESS="+server.Address,
		"MILVUS_USERNAME="+server.Username, "MILVUS_PASSWORD="+server.Password)
	cli.SkipBelow("1.7.0", "import blocks with for_each")
	cli.WriteFile("versions.tf", "terraform {\n  required_providers {\n    milvus = { source = \"milvus-terraform/milvus\" }\n  }\n}\n")
	for _, step := range guideSteps(t) {
		if step.file != "" {
			cli.WriteFile(step.file, step.text)
		}
	}
	cli.WriteFile("roles.tf", forEach[1])
	cli.MustRun("apply", "-auto-approve", "-input=false")
	state := cli.MustRun("state", "list").Output
	for _, role := range made.roles {
		if !strings.Contains(state, fmt.Sprintf("milvus_role.adopted[%q]", role)) {
			t.Errorf("role %s was not adopted; the state holds:\n%s", role, state)
		}
	}
	if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
		t.Errorf("the plan after adopting is not empty (exit %d):\n%s", r.Code, r.Output)
	}
}

// scripted is what scriptedSetup made.
type scripted struct {
	passwords map[string]string
	roles     []string
	dbs       []string
	grants    map[string][]acctest.GrantRow
	bindings  map[string]string // user → role
}

// scriptedSetup makes what a team's pymilvus scripts would have: 2
// databases, 10 users, 4 roles, each user bound to one role, 5 grants per
// role over the 2 databases.
func scriptedSetup(t *testing.T, server *acctest.Server, prefix string) scripted {
	t.Helper()
	s := scripted{passwords: map[string]string{}, grants: map[string][]acctest.GrantRow{}, bindings: map[string]string{}}
	for i := 0; i < 2; i++ {
		db := fmt.Sprintf("%s_db%d", prefix, i)
		acctest.Must(t, server.CreateDatabase(db))
		s.dbs = append(s.dbs, db)
	}
	privileges := []acctest.GrantRow{{ObjectType: "Global", ObjectName: "*", Privilege: "ShowCollections"},
		{ObjectType: "Global", ObjectName: "*", Privilege: "DescribeCollection"}, {ObjectType: "Collection", ObjectName: "*", Privilege: "Query"},
		{ObjectType: "Collection", ObjectName: "books", Privilege: "Search"}, {ObjectType: "Collection", ObjectName: "books", Privilege: "Insert"}}
	for i := 0; i < 4; i++ {
		role := fmt.Sprintf("%s_role%d", prefix, i)
		acctest.Must(t, server.CreateRole(role))
		s.roles = append(s.roles, role)
		for j, g := range privileges {
			g.DB = s.dbs[(i+j)%2]
			acctest.Must(t, server.Grant(role, g))
			s.grants[role] = append(s.grants[role], g)
		}
	}
	for i := 0; i < 10; i++ {
		user, password := fmt.Sprintf("%s_user%d", prefix, i), acctest.RandomPassword()
		acctest.Must(t, server.CreateUser(user, password))
		acctest.Must(t, server.Bind(user, s.roles[i%4]))
		s.passwords[user], s.bindings[user] = password, s.roles[i%4]
	}
	t.Cleanup(func() {
		for user := range s.passwords {
			_ = server.DropUser(user)
		}
		for role, rows := range s.grants {
			for _, g := range rows {
				_ = server.Revoke(role, g)
			}
			_ = server.DropRole(role)
		}
		for _, db := range s.dbs {
			_ = server.DropDatabase(db)
		}
	})
	return s
}

// addresses are the resources the adoption must hold for what was made.
func (s scripted) addresses(style string) []string {
	var out []string
	for user := range s.passwords {
		out = append(out, "milvus_user."+user)
		if style == "additive" {
			out = append(out, fmt.Sprintf("milvus_user_role.%s_%s", user, s.bindings[user]))
		}
	}
	for _, db := range s.dbs {
		out = append(out, "milvus_database."+db)
	}
	for _, role := range s.roles {
		out = append(out, "milvus_role."+role)
		if style == "authoritative" {
			out = append(out, "milvus_role_policy."+role, "milvus_role_members."+role)
			continue
		}
		for _, g := range s.grants[role] {
			object := g.ObjectName
			if object == "*" {
				object = "all"
			}
			out = append(out, "milvus_grant."+role+"_"+g.DB+"_"+object+"_"+strings.ToLower(g.Privilege))
		}
	}
	if style == "authoritative" {
		out = append(out, "milvus_role_policy.public", "milvus_role_members.admin")
	}
	return out
}
