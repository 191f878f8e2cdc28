// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"sort"
	"strings"
)

// The privilege tables of Milvus 2.3 to 3.0 (pkg/util/constant.go
// ObjectPrivileges, read at every release from 2.3.0 to 2.6.19 and at
// 3.0.0): which names the classic grant call accepts for which object type,
// since when, and the level Milvus gives each (for privilege group members).
// No name was ever removed, so "server >= Since" is exact; one level changed
// (levelChanges).

// Level is a privilege's level (util.GetPrivilegeLevel, 2.4.21+/2.5.4+).
type Level string

// The levels; a privilege outside the three has none.
const (
	LevelCluster    Level = "Cluster"
	LevelDatabase   Level = "Database"
	LevelCollection Level = "Collection"
	levelNone       Level = ""
)

// Privilege is one name the classic grant call (OperatePrivilege) accepts.
type Privilege struct {
	Name   string
	Object string // ObjectGlobal, ObjectCollection or ObjectUser
	Since  Version
	Level  Level
}

// privileges lists every privilege in API form, in Milvus's own order.
var privileges = []Privilege{
	{"Load", ObjectCollection, release2(3, 0), LevelCollection},
	{"Release", ObjectCollection, release2(3, 0), LevelCollection},
	{"Compaction", ObjectCollection, release2(3, 0), LevelCollection},
	{"Insert", ObjectCollection, release2(3, 0), LevelCollection},
	{"Delete", ObjectCollection, release2(3, 0), LevelCollection},
	{"Upsert", ObjectCollection, release2(3, 0), LevelCollection},
	{"GetStatistics", ObjectCollection, release2(3, 0), LevelCollection},
	{"CreateIndex", ObjectCollection, release2(3, 0), LevelCollection},
	{"IndexDetail", ObjectCollection, release2(3, 0), LevelCollection},
	{"DropIndex", ObjectCollection, release2(3, 0), LevelCollection},
	{"Search", ObjectCollection, release2(3, 0), LevelCollection},
	{"Flush", ObjectCollection, release2(3, 0), LevelCollection},
	{"Query", ObjectCollection, release2(3, 0), LevelCollection},
	{"LoadBalance", ObjectCollection, release2(3, 0), LevelCollection},
	{"Import", ObjectCollection, release2(3, 0), LevelCollection},
	{"GetLoadingProgress", ObjectCollection, release2(3, 0), LevelCollection},
	{"GetLoadState", ObjectCollection, release2(3, 0), LevelCollection},
	{"CreatePartition", ObjectCollection, release2(3, 4), LevelCollection},
	{"DropPartition", ObjectCollection, release2(3, 4), LevelCollection},
	{"ShowPartitions", ObjectCollection, release2(3, 4), LevelCollection},
	{"HasPartition", ObjectCollection, release2(3, 4), LevelCollection},
	{"GetFlushState", ObjectCollection, release2(3, 4), LevelCollection},
	{"ReadOnly", ObjectCollection, release2(4, 11), levelNone},
	{"ReadWrite", ObjectCollection, release2(4, 11), levelNone},
	{"GetImportProgress", ObjectCollection, release2(6, 0), LevelCollection},
	{"ListImport", ObjectCollection, release2(6, 0), LevelCollection},
	{"AddCollectionField", ObjectCollection, release2(6, 0), LevelCollection},
	{"AlterCollectionSchema", ObjectCollection, release3_0, LevelCollection},
	{"RefreshExternalCollection", ObjectCollection, release3_0, LevelCollection},
	{"CreateSnapshot", ObjectCollection, release3_0, LevelCollection},
	{"DropSnapshot", ObjectCollection, release3_0, LevelCollection},
	{"DescribeSnapshot", ObjectCollection, release3_0, LevelCollection},
	{"RestoreSnapshot", ObjectCollection, release3_0, LevelCollection},
	{"ListSnapshots", ObjectCollection, release3_0, LevelCollection},
	{"PinSnapshotData", ObjectGlobal, release3_0, LevelCluster},
	{"UnpinSnapshotData", ObjectGlobal, release3_0, LevelCluster},
	{"RestoreExternalSnapshot", ObjectGlobal, release3_0, LevelCluster},
	{"ExportSnapshot", ObjectGlobal, release3_0, LevelCluster},
	{"Expr", ObjectGlobal, release3_0, LevelCluster},
	{"All", ObjectGlobal, release2(3, 0), levelNone},
	{"CreateCollection", ObjectGlobal, release2(3, 0), LevelDatabase},
	{"DropCollection", ObjectGlobal, release2(3, 0), LevelDatabase},
	{"DescribeCollection", ObjectGlobal, release2(3, 0), LevelCollection},
	{"ShowCollections", ObjectGlobal, release2(3, 0), LevelDatabase},
	{"RenameCollection", ObjectGlobal, release2(3, 0), LevelCluster},
	{"CreateOwnership", ObjectGlobal, release2(3, 0), LevelCluster},
	{"DropOwnership", ObjectGlobal, release2(3, 0), LevelCluster},
	{"SelectOwnership", ObjectGlobal, release2(3, 0), LevelCluster},
	{"ManageOwnership", ObjectGlobal, release2(3, 0), LevelCluster},
	{"BackupRBAC", ObjectGlobal, release2(4, 10), LevelCluster},
	{"RestoreRBAC", ObjectGlobal, release2(4, 10), LevelCluster},
	{"CreateResourceGroup", ObjectGlobal, release2(3, 0), LevelCluster},
	{"UpdateResourceGroups", ObjectGlobal, release2(4, 1), LevelCluster},
	{"DropResourceGroup", ObjectGlobal, release2(3, 0), LevelCluster},
	{"DescribeResourceGroup", ObjectGlobal, release2(3, 0), LevelCluster},
	{"ListResourceGroups", ObjectGlobal, release2(3, 0), LevelCluster},
	{"TransferReplica", ObjectGlobal, release2(3, 0), LevelCluster},
	{"TransferNode", ObjectGlobal, release2(3, 0), LevelCluster},
	{"FlushAll", ObjectGlobal, release2(3, 0), LevelCluster},
	{"CreateDatabase", ObjectGlobal, release2(3, 0), LevelCluster},
	{"DropDatabase", ObjectGlobal, release2(3, 0), LevelCluster},
	{"ListDatabases", ObjectGlobal, release2(3, 0), LevelCluster},
	{"AlterDatabase", ObjectGlobal, release2(4, 5), LevelDatabase},
	{"DescribeDatabase", ObjectGlobal, release2(4, 5), LevelDatabase},
	{"CreateAlias", ObjectGlobal, release2(3, 6), LevelCollection},
	{"DropAlias", ObjectGlobal, release2(3, 6), LevelCollection},
	{"DescribeAlias", ObjectGlobal, release2(3, 6), LevelCollection},
	{"ListAliases", ObjectGlobal, release2(3, 6), LevelCollection},
	{"Admin", ObjectGlobal, release2(4, 11), levelNone},
	{"CreatePrivilegeGroup", ObjectGlobal, release2(4, 18), LevelCluster},
	{"DropPrivilegeGroup", ObjectGlobal, release2(4, 18), LevelCluster},
	{"ListPrivilegeGroups", ObjectGlobal, release2(4, 18), LevelCluster},
	{"OperatePrivilegeGroup", ObjectGlobal, release2(4, 18), LevelCluster},
	{"UpdateReplicateConfiguration", ObjectGlobal, release2(6, 6), LevelCluster},
	{"UpdateUser", ObjectUser, release2(3, 0), LevelCluster},
	{"SelectUser", ObjectUser, release2(3, 0), LevelCluster}}

// levelChanges are the privileges whose level changed: RenameCollection is
// a database privilege from 3.0 (in DatabaseAdmin, no longer in
// ClusterAdmin; #50690).
var levelChanges = map[string]struct {
	Since Version
	Level Level
}{"RenameCollection": {release3_0, LevelDatabase}}

// LevelIn is the privilege's level on a server of version v.
func (p Privilege) LevelIn(v Version) Level {
	if c, ok := levelChanges[p.Name]; ok && v.Known() && v.AtLeast(c.Since) {
		return c.Level
	}
	return p.Level
}

// AnyPrivilege ("*") is every privilege, on any object type.
const AnyPrivilege = "*"

// BuiltInGroup is one of the nine privilege groups Milvus 2.4.18+ defines;
// only the 2.4.18 grant call (OperatePrivilegeV2) grants them.
type BuiltInGroup struct {
	Name  string
	Level Level
}

// builtInGroups in the order ListPrivilegeGroups gives them.
var builtInGroups = []BuiltInGroup{
	{"ClusterReadOnly", LevelCluster}, {"ClusterReadWrite", LevelCluster}, {"ClusterAdmin", LevelCluster},
	{"DatabaseReadOnly", LevelDatabase}, {"DatabaseReadWrite", LevelDatabase}, {"DatabaseAdmin", LevelDatabase},
	{"CollectionReadOnly", LevelCollection}, {"CollectionReadWrite", LevelCollection}, {"CollectionAdmin", LevelCollection},
}

// otherDefinedNames are names Milvus knows (its ObjectPrivilege enum) that
// the classic call never grants: a custom group may not take them either.
var otherDefinedNames = []string{"GetReplicateConfiguration", "AddFileResource", "RemoveFileResource", "ListFileResources",
	"AddCollectionFunction", "AlterCollectionFunction", "DropCollectionFunction"}

// LookupPrivilege finds a privilege by its exact (case-sensitive) name.
func LookupPrivilege(name string) (Privilege, bool) {
	for _, p := range privileges {
		if p.Name == name {
			return p, true
		}
	}
	return Privilege{}, false
}

// PrivilegeNames lists the privileges of one object type, sorted.
func PrivilegeNames(object string) []string {
	var names []string
	for _, p := range privileges {
		if p.Object == object {
			names = append(names, p.Name)
		}
	}
	sort.Strings(names)
	return names
}

// ObjectTypeOf is Milvus's rule (util.GetObjectType) for the object type of
// a privilege: Collection or User when the name is in that list, else Global
// ("*", groups and every other name included).
func ObjectTypeOf(name string) string {
	if p, ok := LookupPrivilege(name); ok {
		return p.Object
	}
	return ObjectGlobal
}

// LookupBuiltInGroup finds one of the nine built-in groups.
func LookupBuiltInGroup(name string) (BuiltInGroup, bool) {
	for _, g := range builtInGroups {
		if g.Name == name {
			return g, true
		}
	}
	return BuiltInGroup{}, false
}

// BuiltInGroupNames lists the nine built-in groups, sorted.
func BuiltInGroupNames() []string {
	names := make([]string, len(builtInGroups))
	for i, g := range builtInGroups {
		names[i] = g.Name
	}
	sort.Strings(names)
	return names
}

// DefinedName reports whether Milvus itself defines name as a privilege or a
// privilege group (util.IsPrivilegeNameDefined), so no custom group may take
// it.
func DefinedName(name string) bool {
	if _, ok := LookupPrivilege(name); ok {
		return true
	}
	if _, ok := LookupBuiltInGroup(name); ok {
		return true
	}
	for _, n := range otherDefinedNames {
		if n == name {
			return true
		}
	}
	return false
}

// GrantedByClassicCall reports whether the classic grant call accepts name
// (on some version); other names (groups) need the 2.4.18 call.
func GrantedByClassicCall(name string) bool {
	_, ok := LookupPrivilege(name)
	return ok || name == AnyPrivilege
}

// SuggestPrivilege finds the privilege or built-in group a mistyped name
// most likely meant: the same name in another case, or the nearest by edit
// distance (at most 2 edits). "" when nothing is close.
func SuggestPrivilege(name string) string {
	var names []string
	for _, p := range privileges {
		names = append(names, p.Name)
	}
	for _, g := range builtInGroups {
		names = append(names, g.Name)
	}
	best, bestDistance := "", 3
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return n
		}
		if d := editDistance(strings.ToLower(n), strings.ToLower(name)); d < bestDistance {
			best, bestDistance = n, d
		}
	}
	return best
}
