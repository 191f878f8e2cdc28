// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// On a server with Milvus's default rootCoord.maxDatabaseNum (64), the
// database past the limit is refused, and the error names the setting.
func TestAccDatabase_limitNamesTheSetting(t *testing.T) {
	server := acctest.ConnectDefaults(t)
	secret := acctest.NewSecretFile(t, server.Password)
	for i := 0; ; i++ {
		name := fmt.Sprintf("tfacc_fill_%d", i)
		err := server.CreateDatabase(name)
		if err != nil && strings.Contains(err.Error(), "exceeded the limit number of database") {
			break
		}
		acctest.Must(t, err)
		t.Cleanup(func() { _ = server.DropDatabase(name) })
		if i > 100 {
			t.Fatal("no limit after 100 databases")
		}
	}
	name := acctest.RandomName("tfacc_db")
	acctest.Steps(t, server.CheckDatabase(name, false), resource.TestStep{
		ConfigDirectory: databaseConfig(t),
		ConfigVariables: acctest.Vars("name", name, "address", server.Address,
			"provider_username", server.Username, "provider_password_file", secret.Path),
		ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Create Milvus Database") + ".*" +
			acctest.Words("exceeded the limit number of database[limit=64]") + ".*" +
			acctest.Words("Milvus allows rootCoord.maxDatabaseNum databases (64 by default), default included")),
	})
}
