// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Command terraform-provider-milvus serves the Milvus provider to Terraform
// and OpenTofu.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/logging"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/serve"
)

// version is set by goreleaser (-X main.version=...).
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	// With -debug the developer's terminal shows the logs; otherwise the CLI
	// decides whether anyone reads them.
	if !debug {
		logging.QuietLogs(provider.TypeName, os.LookupEnv, os.Setenv)
	}
	if err := serve.Serve(provider.Address, provider.New(version), debug); err != nil {
		log.Fatal(err.Error())
	}
}
