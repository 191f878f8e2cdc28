// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup_test

import "os"

func writeFile(path, text string) error { return os.WriteFile(path, []byte(text), 0o600) }
