// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// TLS against a real Milvus with common.security.tlsMode 2 (mutual TLS) and a
// private CA; make test starts it beside the plain one (MILVUS_TEST_TLS_*).
func TestAccProvider_mutualTLS(t *testing.T) {
	acctest.PreCheck(t)
	address := os.Getenv("MILVUS_TEST_TLS_ADDRESS")
	if address == "" || os.Getenv("MILVUS_TEST_TLS_MODE") != "2" {
		t.Skip("needs a Milvus with tlsMode 2 in MILVUS_TEST_TLS_ADDRESS and its MILVUS_TEST_TLS_* files (make test starts one)")
	}
	ca, cert, key := os.Getenv("MILVUS_TEST_TLS_CA_CERT"), os.Getenv("MILVUS_TEST_TLS_CLIENT_CERT"), os.Getenv("MILVUS_TEST_TLS_CLIENT_KEY")
	pem, err := os.ReadFile(ca)
	if err != nil {
		t.Fatal(err)
	}
	tlsVars := func(extra config.Variables) config.Variables {
		v := config.Variables{"address": config.StringVariable(address), "timeout": config.StringVariable("3s")}
		for k, value := range extra {
			v[k] = value
		}
		return v
	}
	listsRoot := resource.TestCheckTypeSetElemAttr("data.milvus_users.all", "names.*", "root")
	connectError := acctest.Words("Unable to Connect to Milvus")
	tlsRemedy := acctest.Words("Check the TLS settings")
	providerTest(t, nil,
		resource.TestStep{
			// Without the private CA the server is not trusted.
			ConfigVariables: tlsVars(config.Variables{"tls": config.BoolVariable(true),
				"client_cert": config.StringVariable(cert), "client_key": config.StringVariable(key)}),
			ExpectError: regexp.MustCompile(`(?s)` + connectError + ".*" + acctest.Words("certificate signed by unknown authority") + ".*" + tlsRemedy),
		},
		resource.TestStep{
			// The server asks for a client certificate.
			ConfigVariables: tlsVars(config.Variables{"ca_cert": config.StringVariable(ca)}),
			ExpectError:     regexp.MustCompile(`(?s)` + connectError),
		},
		resource.TestStep{
			// A certificate for another name is refused.
			ConfigVariables: tlsVars(config.Variables{"ca_cert": config.StringVariable(ca),
				"client_cert": config.StringVariable(cert), "client_key": config.StringVariable(key),
				"server_name": config.StringVariable("other.test")}),
			ExpectError: regexp.MustCompile(`(?s)` + connectError + ".*other\\.test.*" + tlsRemedy),
		},
		resource.TestStep{
			// Plaintext to a TLS port fails within the timeout. (The steps that
			// succeed come last: the final destroy uses the last configuration.)
			ConfigVariables: tlsVars(nil),
			ExpectError:     regexp.MustCompile(`(?s)` + connectError + ".*" + acctest.Words("no answer within 3s")),
		},
		resource.TestStep{
			// CA and client certificate as file paths.
			ConfigVariables: tlsVars(config.Variables{"ca_cert": config.StringVariable(ca),
				"client_cert": config.StringVariable(cert), "client_key": config.StringVariable(key)}),
			Check: listsRoot,
		},
		resource.TestStep{
			// The CA inline as PEM, and a server name other than the address.
			ConfigVariables: tlsVars(config.Variables{"ca_cert": config.StringVariable(string(pem)),
				"client_cert": config.StringVariable(cert), "client_key": config.StringVariable(key),
				"server_name": config.StringVariable("milvus.test")}),
			Check: listsRoot,
		},
		resource.TestStep{
			ConfigVariables: tlsVars(config.Variables{"insecure_skip_verify": config.BoolVariable(true),
				"client_cert": config.StringVariable(cert), "client_key": config.StringVariable(key)}),
			Check: listsRoot,
		},
	)
}
