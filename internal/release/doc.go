// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package release holds the checks that keep the repository publishable:
// license headers, pinned CI actions, the server settings CI shares with the
// local scripts, and the release configuration. It has no code of its own.
package release
