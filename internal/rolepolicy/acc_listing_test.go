// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package rolepolicy_test

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// A plan reads a policy with the same requests however many grants it
// holds: a policy of 200 grants over 5 databases costs what a policy of 2
// does (on Milvus 2.3: one listing of databases, one grant listing per
// database), counted by a proxy in front of the real server.
func TestAccRolePolicy_listingsDoNotGrowWithTheSet(t *testing.T) {
	server := acctest.Connect(t)
	small, large := acctest.RandomName("tfacc_role"), acctest.RandomName("tfacc_role")
	var dbs []string
	for i := 0; i < 5; i++ {
		db := acctest.RandomName("tfacc_db")
		acctest.Must(t, server.CreateDatabase(db))
		dbs = append(dbs, db)
	}
	acctest.Must(t, server.CreateRole(small))
	acctest.Must(t, server.CreateRole(large))
	t.Cleanup(func() {
		for _, db := range dbs {
			_ = server.DropDatabase(db)
		}
		_ = server.DropRole(small)
		_ = server.DropRole(large)
	})
	// The large set is granted directly, so the apply below sends nothing:
	// what is measured is the plan.
	var many []string
	for _, db := range dbs {
		for c := 0; c < 40; c++ {
			row := acctest.GrantRow{ObjectType: "Collection", ObjectName: fmt.Sprintf("c%03d", c), DB: db, Privilege: "Query"}
			acctest.Must(t, server.Grant(large, row))
			t.Cleanup(func() { _ = server.Revoke(large, row) })
			many = append(many, fmt.Sprintf(`{ privilege = "Query", object_name = %q, db_name = %q }`, row.ObjectName, db))
		}
	}
	proxy := acctest.StartProxy(t, server.Address)
	count := func(role, grants string) map[string]int {
		cli := acctest.NewCLI(t, fmt.Sprintf("provider \"milvus\" {\n  address  = %q\n  username = %q\n  password = %q\n}\n\n"+
			"resource \"milvus_role_policy\" \"p\" {\n  role   = %q\n  grants = [%s]\n}\n", proxy.Address, server.Username, server.Password, role, grants))
		cli.MustRun("apply", "-auto-approve", "-input=false")
		proxy.ResetCalls()
		if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
			t.Fatalf("the plan is not empty (exit %d):\n%s", r.Code, r.Output)
		}
		return proxy.CallsByMethod()
	}
	two := count(small, `{ privilege = "Query" }, { privilege = "Search", db_name = "`+dbs[0]+`" }`)
	twoHundred := count(large, strings.Join(many, ",\n"))
	t.Logf("a plan of 2 grants: %v; of %d grants over %d databases: %v", two, len(many), len(dbs), twoHundred)
	if !maps.Equal(two, twoHundred) {
		t.Errorf("the plan of %d grants sent other requests than the plan of 2: %v against %v", len(many), twoHundred, two)
	}
	if two["SelectGrant"] == 0 {
		t.Errorf("the plan read no grants: %v", two)
	}
}
