// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package grant_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// A plan of many grants lists each role's grants once from Milvus 2.4.1;
// before, once per role and database its grants name, not once per role
// and every database on the server (3 roles, 6 databases of which each
// role's grants name 2: 6 listings, not 3 × 7), counted by a proxy in front
// of the real server.
func TestAccGrant_planListsEachRoleOncePerDatabaseItUses(t *testing.T) {
	server := acctest.Connect(t)
	var dbs []string
	for i := 0; i < 6; i++ {
		db := acctest.RandomName("tfacc_db")
		acctest.Must(t, server.CreateDatabase(db))
		t.Cleanup(func() { _ = server.DropDatabase(db) })
		dbs = append(dbs, db)
	}
	var blocks []string
	pairs := 0
	for r := 0; r < 3; r++ {
		role := acctest.RandomName("tfacc_role")
		acctest.Must(t, server.CreateRole(role))
		for _, db := range dbs[2*r : 2*r+2] {
			pairs++
			for _, privilege := range []string{"Query", "Search", "Insert"} {
				row := acctest.GrantRow{ObjectType: "Collection", ObjectName: "*", DB: db, Privilege: privilege}
				t.Cleanup(func() { _ = server.Revoke(role, row) })
				blocks = append(blocks, fmt.Sprintf("resource \"milvus_grant\" %q {\n  role      = %q\n  privilege = %q\n  db_name   = %q\n}\n",
					fmt.Sprintf("g%d", len(blocks)), role, privilege, db))
			}
		}
		t.Cleanup(func() { _ = server.DropRole(role) })
	}
	proxy := acctest.StartProxy(t, server.Address)
	cli := acctest.NewCLI(t, fmt.Sprintf("provider \"milvus\" {\n  address  = %q\n  username = %q\n  password = %q\n}\n\n%s",
		proxy.Address, server.Username, server.Password, strings.Join(blocks, "\n")))
	cli.MustRun("apply", "-auto-approve", "-input=false")
	proxy.ResetCalls()
	if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
		t.Fatalf("the plan is not empty (exit %d):\n%s", r.Code, r.Output)
	}
	want := pairs
	if milvus.FeatureAllDatabaseGrants.In(milvus.ParseVersion(acctest.ServerVersion(t))) {
		want = 3
	}
	calls := proxy.CallsByMethod()
	t.Logf("a plan of %d grants of 3 roles in %d databases: %v", len(blocks), len(dbs), calls)
	if calls["SelectGrant"] != want {
		t.Errorf("the plan listed grants %d times, want %d: %v", calls["SelectGrant"], want, calls)
	}
	if calls["ListDatabases"] > 1 {
		t.Errorf("the plan listed the databases %d times: %v", calls["ListDatabases"], calls)
	}
}
