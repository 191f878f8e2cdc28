// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// grantCLI is the real CLI against the emulator, with one milvus_grant.
func grantCLI(t *testing.T, s *acctest.Emulator, body string) *acctest.CLI {
	t.Helper()
	cli := acctest.NewCLI(t, fmt.Sprintf("provider \"milvus\" {\n  address  = %q\n  username = \"root\"\n  password = \"Milvus\"\n}\n", s.Address))
	cli.WriteFile("grant.tf", body)
	return cli
}

func flat(s string) string { return regexp.MustCompile(`\s+`).ReplaceAllString(s, " ") }

// Grants that change with no grant call, on the emulator of Milvus 2.6.12
// and later: a collection dropped takes its grants with it, and the plan
// says so (not "revoked outside Terraform"); on 2.6.11 the grant stays.
func TestAccGrant_goneWithItsCollectionOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	body := "resource \"milvus_grant\" \"g\" {\n  role        = \"tfacc_writers\"\n  privilege   = \"Insert\"\n  object_name = \"orders\"\n}\n"
	for version, gone := range map[string]bool{"v2.6.11": false, "v2.6.12": true, "v3.0.1": true} {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			s.CreateRoleOutside("tfacc_writers")
			s.AddCollection("default", "orders")
			cli := grantCLI(t, s, body)
			cli.MustRun("apply", "-auto-approve", "-input=false")
			s.DropCollectionOutside("default", "orders")
			plan := cli.Run("plan", "-input=false", "-detailed-exitcode")
			said := flat(plan.Output)
			switch {
			case gone && (plan.Code != 2 || !strings.Contains(said, "Warning: Milvus Grant Gone With Its Collection: tfacc_writers/default/Collection/orders/Insert") ||
				!strings.Contains(said, "Milvus 2.6.12 and later delete a collection's grants when it is dropped") || strings.Contains(said, "Revoked Outside")):
				t.Errorf("the plan does not say the grant went with its collection (exit %d):\n%s", plan.Code, plan.Output)
			case !gone && plan.Code != 0:
				t.Errorf("on %s the grant outlives its collection, yet the plan is not empty (exit %d):\n%s", version, plan.Code, plan.Output)
			}
		})
	}
}

// A grant on an alias, on the emulator of 2.6.12: the plan says Milvus
// stores it as the grant on the alias's collection; the apply does, and
// Terraform finds it there: the next plan is empty.
func TestAccGrant_onAnAliasOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v2.6.12")
	s.CreateRoleOutside("tfacc_readers")
	s.AddCollection("default", "books_v2")
	s.CreateAliasOutside("default", "books", "books_v2")
	// Beside the grant on the alias, grants on the collection's own name:
	// whether a name is an alias comes from one listing per database, and
	// only the alias is described.
	onCollection := []string{"Search", "Insert", "Delete", "Upsert", "Import", "IndexDetail", "Compaction", "Release"}
	cli := grantCLI(t, s, "resource \"milvus_grant\" \"g\" {\n  role        = \"tfacc_readers\"\n  privilege   = \"Query\"\n  object_name = \"books\"\n}\n\n"+
		"resource \"milvus_grant\" \"own_name\" {\n  for_each    = toset([\""+strings.Join(onCollection, `", "`)+"\"])\n"+
		"  role        = \"tfacc_readers\"\n  privilege   = each.key\n  object_name = \"books_v2\"\n}\n")
	listings, describes := s.Calls("ListAliases"), s.Calls("DescribeAlias")
	cli.MustRun("plan", "-input=false")
	listings, describes = s.Calls("ListAliases")-listings, s.Calls("DescribeAlias")-describes
	t.Logf("the plan of %d new collection grants listed aliases %d times and described one %d times", len(onCollection)+1, listings, describes)
	if listings == 0 || listings >= len(onCollection) || describes >= len(onCollection) {
		t.Errorf("the plan listed aliases %d times and described %d, for %d grants on the collection's own name: want one listing "+
			"per provider process and descriptions of the alias alone", listings, describes, len(onCollection))
	}
	apply := cli.MustRun("apply", "-auto-approve", "-input=false")
	if said := flat(apply.Output); !strings.Contains(said, "Warning: Milvus Grant on an Alias: tfacc_readers/default/Collection/books/Query") ||
		!strings.Contains(said, `name the collection: object_name = "books_v2"`) {
		t.Errorf("the plan does not say what Milvus does with a grant on an alias:\n%s", apply.Output)
	}
	want := milvus.Grant{Role: "tfacc_readers", ObjectType: "Collection", ObjectName: "books_v2", DBName: "default", Privilege: "Query"}
	rows := s.Grants("tfacc_readers")
	if !slices.ContainsFunc(rows, func(g milvus.Grant) bool { return g.Key() == want.Key() }) ||
		slices.ContainsFunc(rows, func(g milvus.Grant) bool { return g.ObjectName == "books" }) {
		t.Errorf("the role holds %v, want the grant on the collection and none on the alias", rows)
	}
	if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
		t.Errorf("the plan after granting on the alias is not empty (exit %d):\n%s", r.Code, r.Output)
	}
}

// Milvus 3.0 checks cluster-level privileges in database "*": granted in
// one database, one allows nothing, and the plan says so. On the emulator
// of 3.0.1.
func TestAccGrant_clusterScopeOnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	s := acctest.StartEmulator(t, "v3.0.1")
	s.CreateRoleOutside("tfacc_ops")
	cli := grantCLI(t, s, "resource \"milvus_grant\" \"in_default\" {\n  role      = \"tfacc_ops\"\n  privilege = \"ManageOwnership\"\n}\n\n"+
		"resource \"milvus_grant\" \"everywhere\" {\n  role      = \"tfacc_ops\"\n  privilege = \"CreateOwnership\"\n  db_name   = \"*\"\n}\n")
	said := flat(cli.Run("plan", "-input=false").Output)
	if !strings.Contains(said, "Warning: Milvus Grant Without Effect: tfacc_ops/default/Global/*/ManageOwnership") ||
		!strings.Contains(said, `Grant it with db_name = "*"`) || strings.Contains(said, "CreateOwnership is a cluster-level") {
		t.Errorf("the plan does not warn about exactly the grant in one database:\n%s", said)
	}
}

// A privilege Milvus 3.0 added: refused at plan on emulated 2.6.19, naming
// the version it needs and the server's; granted on emulated 3.0.1, where
// the server holds it and the next plan is empty.
func TestAccGrant_privilegeOf30OnEmulator(t *testing.T) {
	acctest.PreCheck(t)
	body := "resource \"milvus_grant\" \"g\" {\n  role        = \"tfacc_backup\"\n  privilege   = \"CreateSnapshot\"\n  object_name = \"orders\"\n}\n"
	for _, version := range []string{"v2.6.19", "v3.0.1"} {
		t.Run(version, func(t *testing.T) {
			s := acctest.StartEmulator(t, version)
			s.CreateRoleOutside("tfacc_backup")
			cli := grantCLI(t, s, body)
			r := cli.Run("apply", "-auto-approve", "-input=false")
			said := flat(r.Output)
			if version == "v2.6.19" {
				if r.Code == 0 || !strings.Contains(said, "CreateSnapshot (object type Collection) needs Milvus 3.0.0 or later, and this server is v2.6.19") ||
					len(s.Grants("tfacc_backup")) != 0 {
					t.Errorf("2.6.19 was not refused at plan, or got a grant (exit %d):\n%s", r.Code, r.Output)
				}
				return
			}
			want := milvus.Grant{Role: "tfacc_backup", ObjectType: "Collection", ObjectName: "orders", DBName: "default", Privilege: "CreateSnapshot"}
			if r.Code != 0 || !slices.ContainsFunc(s.Grants("tfacc_backup"), func(g milvus.Grant) bool { return g.Key() == want.Key() }) {
				t.Fatalf("3.0.1 does not hold the grant (exit %d): %v\n%s", r.Code, s.Grants("tfacc_backup"), r.Output)
			}
			if p := cli.Run("plan", "-input=false", "-detailed-exitcode"); p.Code != 0 {
				t.Errorf("the plan after the grant is not empty (exit %d):\n%s", p.Code, p.Output)
			}
		})
	}
}
