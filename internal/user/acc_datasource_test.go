// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const dataAddr = "data.milvus_user.test"

func TestAccUserDataSource_rolesFromServer(t *testing.T) {
	server := acctest.Connect(t)
	name := acctest.RandomName("tfacc_ds")
	acctest.Must(t, server.CreateUser(name, acctest.RandomPassword()))
	t.Cleanup(func() { _ = server.DropUser(name) })
	acctest.Must(t, server.GrantRole(name, "tfacc_role"))
	acctest.Must(t, server.GrantRole(name, "admin"))

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: config.StaticDirectory("testdata/datasource"),
				ConfigVariables: config.Variables{"name": config.StringVariable(name)},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(dataAddr, "id", name),
					// Sorted, as the server's own answer is not.
					resource.TestCheckResourceAttr(dataAddr, "roles.#", "2"),
					resource.TestCheckResourceAttr(dataAddr, "roles.0", "admin"),
					resource.TestCheckResourceAttr(dataAddr, "roles.1", "tfacc_role"),
				),
			},
			{
				ConfigDirectory: config.StaticDirectory("testdata/datasource"),
				ConfigVariables: config.Variables{"name": config.StringVariable("tfacc_nobody")},
				ExpectError:     regexp.MustCompile(`(?s)Milvus User Not Found.*tfacc_nobody`),
			},
		},
	})
}
