// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Command floorprovider is the benchmark's floor: the cheapest this provider
// could be. It serves the real provider's own schemas (provider block and
// every resource, with their validators and plan modifiers) on the same
// framework, from a binary of the same size, but its resources store what
// they are given and do no I/O. `make bench` serves it under the real
// provider's address, so the same configuration runs against both, and the
// difference is what talking to Milvus and the provider's own checks cost.
package main

import (
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/logging"
	milvusprovider "github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/serve"
)

func main() {
	// The floor quiets its loggers and is served as the real provider is,
	// so the two differ only in what their resources do.
	logging.QuietLogs(milvusprovider.TypeName, os.LookupEnv, os.Setenv)
	err := serve.Serve(milvusprovider.Address, func() provider.Provider { return newFloor(milvusprovider.New("floor")()) }, false)
	if err != nil {
		log.Fatal(err)
	}
}
