// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package role_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

func roleCLI(t *testing.T, server *acctest.Server, journal string, body string) *acctest.CLI {
	t.Helper()
	cli := acctest.NewCLI(t, fmt.Sprintf("provider \"milvus\" {\n  address  = %q\n  username = %q\n  password = %q\n}\n",
		server.Address, server.Username, server.Password), "MILVUS_PROVIDER_JOURNAL_DIR="+journal)
	cli.WriteFile("roles.tf", body)
	return cli
}

func said(t *testing.T, r acctest.Result, words ...string) {
	t.Helper()
	for _, w := range words {
		if !regexp.MustCompile(acctest.Words(w)).MatchString(r.Output) {
			t.Errorf("the CLI did not say %q:\n%s", w, r.Output)
		}
	}
}

// A role that exists already is taken over when that is provably harmless
// (no grants, no members) or provably right (this working directory's
// journal says this configuration started creating it); otherwise the
// create is refused and says how to import it. The apply that never
// recorded its role is simulated by losing the state file, as a Terraform
// killed before it wrote its state would.
func TestAccRole_takeOverOnlyWhatIsProvablyOurs(t *testing.T) {
	server := acctest.Connect(t)
	empty, granted := acctest.RandomName("tfacc_role"), acctest.RandomName("tfacc_role")
	row := acctest.GrantRow{ObjectType: "Collection", ObjectName: "*", DB: "default", Privilege: "Query"}
	t.Cleanup(func() {
		_ = server.Revoke(granted, row)
		_ = server.DropRole(empty)
		_ = server.DropRole(granted)
	})
	body := func(name string) string {
		return fmt.Sprintf("resource \"milvus_role\" \"r\" {\n  name = %q\n}\n\nresource \"milvus_grant\" \"g\" {\n  role      = milvus_role.r.name\n  privilege = \"Query\"\n}\n", name)
	}

	// No grants, no members: taken over, whatever made it.
	acctest.Must(t, server.CreateRole(empty))
	cli := roleCLI(t, server, t.TempDir(), body(empty))
	said(t, cli.MustRun("apply", "-auto-approve", "-input=false"), "Warning: Existing Milvus Role Taken Over: "+empty,
		"it has no grants and no members, so taking it over changes nothing anyone may do")
	cli.MustRun("destroy", "-auto-approve", "-input=false")

	// Created by this configuration, granted, and never recorded: the
	// journal proves it is ours.
	journal := t.TempDir()
	cli = roleCLI(t, server, journal, body(granted))
	cli.MustRun("apply", "-auto-approve", "-input=false")
	acctest.Must(t, os.Remove(filepath.Join(cli.Dir, "terraform.tfstate")))
	again := cli.MustRun("apply", "-auto-approve", "-input=false")
	said(t, again, "Warning: Existing Milvus Role Taken Over: "+granted,
		"this working directory's provider started creating it, when it did not exist, in an apply that ended before Terraform recorded it")
	if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
		t.Errorf("the plan after the take-over is not empty (exit %d):\n%s", r.Code, r.Output)
	}
	if entries, _ := filepath.Glob(filepath.Join(journal, "*", "role", "*")); len(entries) != 0 {
		t.Errorf("the refresh left journal entries %v", entries)
	}

	// The same, seen from another machine (no journal): refused.
	acctest.Must(t, os.Remove(filepath.Join(cli.Dir, "terraform.tfstate")))
	elsewhere := roleCLI(t, server, t.TempDir(), body(granted))
	refused := elsewhere.Run("apply", "-auto-approve", "-input=false")
	if refused.Code == 0 {
		t.Fatalf("a role with a grant was taken over without proof:\n%s", refused.Output)
	}
	said(t, refused, "Error: Milvus Role Already Exists", "It has 1 grant (Query on Collection * in default)",
		"nothing proves that this configuration made it", fmt.Sprintf("id = %q", granted))
	acctest.Must(t, server.CheckGrant(granted, row, true)(nil))
}
