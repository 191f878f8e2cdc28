// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Every property Milvus reads has an attribute, and every attribute a
// field in the model.
func TestEveryDatabasePropertyHasAnAttribute(t *testing.T) {
	var m databaseModel
	for _, p := range milvus.DatabaseProperties {
		tp, ok := typedByKey(p.Key)
		if !ok {
			t.Errorf("%s has no attribute", p.Key)
			continue
		}
		if _, ok := m.fields()[tp.attr]; !ok {
			t.Errorf("%s has no field in the model", tp.attr)
		}
	}
	if len(typedProperties) != len(m.fields()) {
		t.Errorf("%d typed attributes, %d fields", len(typedProperties), len(m.fields()))
	}
}

// A value means the same to Milvus however it is written: ParseBool's
// spellings, names in any order with spaces, numbers with a sign or
// trailing zeros. Values Milvus cannot read mean nothing.
func TestSameMeaning(t *testing.T) {
	cases := []struct {
		key, server, set string
		want             bool
	}{
		{"database.force.deny.writing", "True", "true", true},
		{"database.force.deny.writing", "1", "true", true},
		{"database.force.deny.writing", "yes", "true", false},
		{"database.resource_groups", "rg_b, rg_a", "rg_a,rg_b", true},
		{"database.resource_groups", "rg_a", "rg_a,rg_b", false},
		{"database.max.collections", "+10", "10", true},
		{"database.max.collections", "ten", "10", false},
		{"database.diskQuota.mb", "1024.50", "1024.5", true},
		{"timezone", "UTC", "UTC", true},
		{"team", "A", "a", false},
	}
	for _, c := range cases {
		if got := same(c.key, c.server, c.set); got != c.want {
			t.Errorf("same(%s, %q, %q) = %v", c.key, c.server, c.set, got)
		}
	}
}

// The model sends what it manages, typed values formatted as Milvus reads
// them; read back, every key it manages is kept and others are not.
func TestManagedRoundTrip(t *testing.T) {
	m := databaseModel{Name: types.StringValue("team_a"), MaxCollections: types.Int64Value(10),
		DiskQuotaMB: types.Float64Value(1024.5), ForceDenyWriting: types.BoolValue(false),
		ResourceGroups: types.SetValueMust(types.StringType, []attr.Value{types.StringValue("rg_b"), types.StringValue("rg_a")}),
		Properties:     types.MapValueMust(types.StringType, map[string]attr.Value{"team": types.StringValue("a")})}
	props, unknown := m.managed()
	want := map[string]string{"database.max.collections": "10", "database.diskQuota.mb": "1024.5",
		"database.force.deny.writing": "false", "database.resource_groups": "rg_a,rg_b", "team": "a"}
	if len(unknown) != 0 || len(props) != len(want) {
		t.Fatalf("managed %v (unknown %v), want %v", props, unknown, want)
	}
	for k, v := range want {
		if props[k] != v {
			t.Errorf("%s = %q, want %q", k, props[k], v)
		}
	}
	server := map[string]string{"database.max.collections": "99", "team": "a", "other": "x", "cipher.key": "k"}
	keep := map[string]bool{"database.max.collections": true, "team": true, "database.force.deny.writing": true}
	var back databaseModel
	back.Properties = m.Properties
	back.fromServer(&milvus.Database{Name: "team_a", Properties: server}, keep, false)
	if back.MaxCollections.ValueInt64() != 99 || !back.ForceDenyWriting.IsNull() || len(back.Properties.Elements()) != 1 {
		t.Errorf("read back %+v", back)
	}
	var adopted databaseModel
	adopted.fromServer(&milvus.Database{Name: "team_a", Properties: server}, nil, true)
	if len(adopted.Properties.Elements()) != 2 || adopted.MaxCollections.ValueInt64() != 99 {
		t.Errorf("an import took %v and max_collections %v; want other and team (never cipher.key)", adopted.Properties, adopted.MaxCollections)
	}
}

func TestCheckKey(t *testing.T) {
	cases := map[string]string{
		"database.max.collections": "Set Both Ways",
		"database.max.colections":  "Did you mean database.max.collections",
		"database.whatever.else":   "have attributes of their own",
		"cipher.enabled":           "Set by Milvus",
		"replicate.id":             "Set by Milvus",
		"":                         "A property key is empty",
		"team.cost_center":         "",
	}
	for key, want := range cases {
		diags := checkKey(key)
		got := ""
		for _, d := range diags {
			got += d.Summary() + " " + d.Detail()
		}
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("%q: %q, want it to say %q", key, got, want)
		}
	}
}
