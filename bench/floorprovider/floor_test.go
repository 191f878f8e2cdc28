// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/user"
)

// The floor's schema is milvus_user's: the same attributes, of the same
// types and kinds, so the benchmark compares like with like.
func TestFloorHasMilvusUsersSchema(t *testing.T) {
	describe := func(s schema.Schema) map[string]string {
		out := map[string]string{}
		for name, a := range s.Attributes {
			out[name] = fmt.Sprintf("%s required=%v optional=%v computed=%v sensitive=%v writeonly=%v",
				a.GetType().TerraformType(context.Background()), a.IsRequired(), a.IsOptional(), a.IsComputed(), a.IsSensitive(), a.IsWriteOnly())
		}
		return out
	}
	floor, actual := describe(Schema()), describe(user.Schema())
	if len(floor) != len(actual) {
		t.Errorf("the floor has %d attributes, milvus_user %d", len(floor), len(actual))
	}
	for name, want := range actual {
		if floor[name] != want {
			t.Errorf("%s: floor %q, milvus_user %q", name, floor[name], want)
		}
	}
}
