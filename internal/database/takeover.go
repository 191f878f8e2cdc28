// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
)

// takeOver decides about a database that already exists when this resource
// creates it. Taking it over is harmless when it is provably what an
// interrupted apply of this configuration left behind: no collections, and
// exactly the configured values of the configured properties, so nothing
// anyone may do changes. Otherwise it is refused, as any other name already
// taken.
func (r *databaseResource) takeOver(ctx context.Context, name string, props map[string]string, diags *diag.Diagnostics) bool {
	collections, err := r.Data.Client.DatabaseCollections(ctx, name)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Create Milvus Database", err))
		return false
	}
	db, err := r.Data.Client.DescribeDatabase(ctx, name)
	if err != nil {
		diags.Append(diagnostics.MilvusError("Unable to Create Milvus Database", err))
		return false
	}
	var differ []string
	for _, k := range keys(props) {
		if v, ok := db.Properties[k]; !ok || !same(k, v, props[k]) {
			differ = append(differ, fmt.Sprintf("%s is %s, not %q", k, quoteOrMissing(v, ok), props[k]))
		}
	}
	if len(collections) == 0 && len(differ) == 0 {
		diags.Append(diagnostics.TakenOver(object(name), "it holds no collections and has exactly the configured properties"))
		return true
	}
	var why []string
	if len(collections) > 0 {
		why = append(why, "it holds "+diagnostics.Some(collections, "collection"))
	}
	if len(differ) > 0 {
		why = append(why, "its properties differ from the configured ones ("+strings.Join(differ, "; ")+")")
	}
	diags.Append(diagnostics.AlreadyExists(object(name), "It cannot be told apart from a database someone else made: "+
		strings.Join(why, ", and ")+"."))
	return false
}

func quoteOrMissing(v string, ok bool) string {
	if !ok {
		return "not set"
	}
	return fmt.Sprintf("%q", v)
}
