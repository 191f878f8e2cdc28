// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

func TestAccUsersDataSource_matchesServer(t *testing.T) {
	server := acctest.Connect(t)
	plain, withRole := acctest.RandomName("tfacc_ds"), acctest.RandomName("tfacc_ds")
	for _, name := range []string{plain, withRole} {
		acctest.Must(t, server.CreateUser(name, acctest.RandomPassword()))
		t.Cleanup(func() { _ = server.DropUser(name) })
	}
	acctest.Must(t, server.GrantRole(withRole, "tfacc_role"))

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			ConfigDirectory: config.StaticDirectory("testdata/datasource_list"),
			Check: resource.ComposeAggregateTestCheckFunc(
				server.CheckUsersMatch("data.milvus_users.all"),
				resource.TestCheckTypeSetElemNestedAttrs("data.milvus_users.all", "users.*", map[string]string{
					"name": withRole, "roles.#": "1", "roles.0": "tfacc_role",
				}),
				resource.TestCheckTypeSetElemNestedAttrs("data.milvus_users.all", "users.*", map[string]string{
					"name": plain, "roles.#": "0",
				}),
				resource.TestCheckTypeSetElemAttr("data.milvus_users.all", "names.*", "root"),
			),
		}},
	})
}
