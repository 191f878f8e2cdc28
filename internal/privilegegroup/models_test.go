// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package privilegegroup

import (
	"slices"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func TestDiff(t *testing.T) {
	add, remove := diff([]string{"Query", "Search", "Insert"}, []string{"Search", "Delete"})
	if !slices.Equal(add, []string{"Delete"}) || !slices.Equal(remove, []string{"Query", "Insert"}) {
		t.Fatalf("add %v, remove %v", add, remove)
	}
	if add, remove := diff([]string{"Query"}, []string{"Query"}); add != nil || remove != nil {
		t.Fatalf("no change: add %v, remove %v", add, remove)
	}
}

// Which rule each version applies to a group's members
// (internal/rootcoord/root_coord.go OperatePrivilegeGroup: the object-type
// check of 2.4.18, the level check of #39194 in 2.4.21 and 2.5.4).
func TestSameKindRule(t *testing.T) {
	for version, want := range map[string]string{
		"v2.4.16": "", "v2.4.17": "", "v2.4.18": "object type", "v2.4.20": "object type", "v2.4.21": "level",
		"v2.4.24": "level", "v2.5.0": "object type", "v2.5.3": "object type", "v2.5.4": "level", "v2.6.0": "level",
		"v2.6.19": "level", "custom-build": "level",
	} {
		if got := sameKindRule(milvus.ParseVersion(version)); got != want {
			t.Errorf("%s: %q, want %q", version, got, want)
		}
	}
}

func TestMixedMembers(t *testing.T) {
	cases := []struct {
		rule    string
		members []string
		want    string
	}{
		{"level", []string{"Query", "Search", "DescribeCollection"}, ""}, // DescribeCollection: Global object, collection level
		{"object type", []string{"Query", "DescribeCollection"}, "more than one object type (Collection: Query; Global: DescribeCollection)"},
		{"level", []string{"Query", "CreateCollection"}, "more than one level (Collection: Query; Database: CreateCollection)"},
		{"level", []string{"Query", "All"}, "no level: All"},
		{"", []string{"Query", "CreateCollection"}, ""},
	}
	for _, c := range cases {
		got := mixedMembers(c.rule, milvus.ParseVersion("2.6.19"), c.members)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s %v: %q, want %q", c.rule, c.members, got, c.want)
		}
	}
}
