// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

var providerConfig = config.StaticDirectory("testdata/provider")

func providerTest(t *testing.T, vars config.Variables, steps ...resource.TestStep) {
	t.Helper()
	for i := range steps {
		steps[i].ConfigDirectory = providerConfig
		// The configuration has its own provider block, so the factories go
		// on each step rather than on the test case.
		steps[i].ProtoV6ProviderFactories = acctest.ProviderFactories
		if steps[i].ConfigVariables == nil {
			steps[i].ConfigVariables = vars
		}
	}
	resource.Test(t, resource.TestCase{
		PreCheck: func() { acctest.PreCheck(t) },
		Steps:    steps,
	})
}

func TestAccProvider_credentialsFromEnvironment(t *testing.T) {
	server := acctest.Connect(t)
	providerTest(t, nil, resource.TestStep{
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckTypeSetElemAttr("data.milvus_users.all", "names.*", "root"),
			server.CheckUsersMatch("data.milvus_users.all"),
		),
	})
}

func TestAccProvider_credentialsInBlock(t *testing.T) {
	acctest.PreCheck(t)
	providerTest(t, config.Variables{
		"address":  config.StringVariable(os.Getenv("MILVUS_ADDRESS")),
		"username": config.StringVariable(os.Getenv("MILVUS_USERNAME")),
		"password": config.StringVariable(os.Getenv("MILVUS_PASSWORD")),
	}, resource.TestStep{
		Check: resource.TestCheckTypeSetElemAttr("data.milvus_users.all", "names.*", "root"),
	})
}

func TestAccProvider_tokenForm(t *testing.T) {
	acctest.PreCheck(t)
	// The token replaces the whole credential set from the environment.
	providerTest(t, config.Variables{
		"token": config.StringVariable(os.Getenv("MILVUS_USERNAME") + ":" + os.Getenv("MILVUS_PASSWORD")),
	}, resource.TestStep{
		Check: resource.TestCheckTypeSetElemAttr("data.milvus_users.all", "names.*", "root"),
	})
}

func TestAccProvider_wrongPassword(t *testing.T) {
	acctest.PreCheck(t)
	wrong := "Wrong_" + acctest.RandomName("pw")
	providerTest(t, config.Variables{
		"username": config.StringVariable(os.Getenv("MILVUS_USERNAME")),
		"password": config.StringVariable(wrong),
	}, resource.TestStep{
		ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Connect to Milvus") + ".*" +
			acctest.Words("auth check failure") + ".*" + acctest.Words("Check the provider's username and password")),
	})
}

func TestAccProvider_wrongToken(t *testing.T) {
	acctest.PreCheck(t)
	providerTest(t, config.Variables{
		"token": config.StringVariable("root:" + acctest.RandomPassword()),
	}, resource.TestStep{
		ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Connect to Milvus") + ".*" + acctest.Words("auth check failure")),
	})
}

func TestAccProvider_unreachableAddress(t *testing.T) {
	acctest.PreCheck(t)
	start := time.Now()
	providerTest(t, config.Variables{
		"address": config.StringVariable("127.0.0.1:1"),
		"timeout": config.StringVariable("3s"),
	}, resource.TestStep{
		ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Connect to Milvus") + `.*127\.0\.0\.1:1.*` +
			acctest.Words("no answer within 3s") + ".*" + acctest.Words("connection refused")),
	})
	// The whole test (CLI start-up included) must not wait much past the timeout.
	if elapsed := time.Since(start); elapsed > 30*time.Second {
		t.Fatalf("the unreachable address took %s to fail", elapsed)
	}
}

func TestAccProvider_contradictorySettings(t *testing.T) {
	acctest.PreCheck(t)
	providerTest(t, nil,
		resource.TestStep{
			ConfigVariables: config.Variables{
				"username": config.StringVariable("root"),
				"token":    config.StringVariable("root:Milvus"),
			},
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Conflicting Milvus Credentials") + ".*" +
				acctest.Words("sets token and also username or password")),
		},
		resource.TestStep{
			ConfigVariables: config.Variables{
				"address": config.StringVariable("http://" + os.Getenv("MILVUS_ADDRESS")),
				"tls":     config.BoolVariable(true),
			},
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Invalid Milvus Connection Settings") + ".*http://.*" + acctest.Words("TLS is enabled")),
		},
		resource.TestStep{
			ConfigVariables: config.Variables{
				"tls":     config.BoolVariable(false),
				"ca_cert": config.StringVariable("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"),
			},
			ExpectError: regexp.MustCompile(`(?s)Contradictory TLS Settings`),
		},
	)
}

func TestAccProvider_conflictingEnvironment(t *testing.T) {
	acctest.PreCheck(t)
	// MILVUS_TOKEN next to MILVUS_USERNAME in the environment is ambiguous.
	t.Setenv("MILVUS_TOKEN", "root:Milvus")
	providerTest(t, nil, resource.TestStep{
		ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Conflicting Milvus Credentials") + ".*environment"),
	})
}

func TestAccProvider_database(t *testing.T) {
	acctest.PreCheck(t)
	providerTest(t, nil,
		resource.TestStep{
			ConfigVariables: config.Variables{"db_name": config.StringVariable("tfacc_no_such_db")},
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Connect to Milvus") + ".*" +
				acctest.Words("database not found") + ".*" + acctest.Words("The provider's db_name (or MILVUS_DB_NAME)") + ".*" +
				acctest.Words("does not exist")),
		},
		resource.TestStep{
			ConfigVariables: config.Variables{"db_name": config.StringVariable("default")},
			Check:           resource.TestCheckTypeSetElemAttr("data.milvus_users.all", "names.*", "root"),
		},
	)
}
