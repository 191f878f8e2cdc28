// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"slices"
	"testing"
)

// The counts of each group's members per release, as pkg/util/constant.go
// of 2.5.27, 2.6.19 and 3.0.0 define them, and the one member that moved.
func TestBuiltInGroupMembers(t *testing.T) {
	counts := map[string][3]int{
		"ClusterReadOnly": {6, 7, 8}, "ClusterReadWrite": {10, 11, 16}, "ClusterAdmin": {24, 26, 33},
		"DatabaseReadOnly": {2, 2, 2}, "DatabaseReadWrite": {3, 3, 3}, "DatabaseAdmin": {5, 5, 6},
		"CollectionReadOnly": {12, 14, 16}, "CollectionReadWrite": {25, 28, 34}, "CollectionAdmin": {27, 30, 37},
	}
	versions := []Version{release2(5, 27), release2(6, 19), release3_0}
	for name, want := range counts {
		for i, v := range versions {
			members, ok := BuiltInGroupMembers(name, v)
			if !ok || len(members) != want[i] {
				t.Errorf("%s on %s: %d members, want %d", name, v, len(members), want[i])
			}
		}
	}
	admin26, _ := BuiltInGroupMembers("ClusterAdmin", release2(6, 19))
	admin30, _ := BuiltInGroupMembers("ClusterAdmin", release3_0)
	db30, _ := BuiltInGroupMembers("DatabaseAdmin", release3_0)
	if !slices.Contains(admin26, "RenameCollection") || slices.Contains(admin30, "RenameCollection") || !slices.Contains(db30, "RenameCollection") {
		t.Error("RenameCollection moves from ClusterAdmin to DatabaseAdmin in 3.0")
	}
	if p, _ := LookupPrivilege("RenameCollection"); p.LevelIn(release2(6, 19)) != LevelCluster || p.LevelIn(release3_0) != LevelDatabase {
		t.Error("RenameCollection's level")
	}
	// Every member is a name Milvus defines.
	for name := range counts {
		members, _ := BuiltInGroupMembers(name, release3_0)
		for _, m := range members {
			if !DefinedName(m) {
				t.Errorf("%s member %s is not a defined name", name, m)
			}
		}
	}
}
