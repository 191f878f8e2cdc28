// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package e2e runs the provider the way users do: a built binary, served to
// a real CLI through dev_overrides, with no test framework in between.
package e2e
