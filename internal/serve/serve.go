// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package serve runs a terraform-plugin-framework provider over protocol 6
// with memory that stays flat however many resources a run touches.
//
// The framework (v1.19.0) registers every request's context so StopProvider
// can cancel it, and only forgets them when StopProvider is called, which
// Terraform does only on interrupt. Each remembered context holds the
// request's loggers and gRPC stream: 13 to 30 KB per call, so a plan of
// 1,000 users kept about 75 MB alive. Per-resource calls therefore get a
// context that is cut loose from the request when the call returns; what
// the framework keeps is then a few hundred bytes.
package serve

import (
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Serve serves the provider to Terraform or OpenTofu; debug serves it in
// reattach mode for debuggers.
func Serve(address string, newProvider func() provider.Provider, debug bool) error {
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	return tf6server.Serve(address, func() tfprotov6.ProviderServer {
		return Server(newProvider())
	}, opts...)
}

// Factory returns the provider server for terraform-plugin-testing's
// ProtoV6ProviderFactories, so tests run what users run.
func Factory(newProvider func() provider.Provider) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		return Server(newProvider()), nil
	}
}

// Server wraps the framework's protocol 6 server.
func Server(p provider.Provider) tfprotov6.ProviderServer {
	return releasing{providerserver.NewProtocol6(p)()}
}
