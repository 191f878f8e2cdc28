// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import "slices"

// The members of the nine built-in privilege groups, as each release defines
// them by default (pkg/util/constant.go: 2.5.27, 2.6.19, 3.0.0). Each level's
// ReadWrite holds its ReadOnly, and its Admin its ReadWrite. A server may
// override them (common.security.rbac.<level>.<group>.privileges), so
// whatever can ask the server (ListPrivilegeGroups) does; these are for the
// documentation and for servers that cannot say.

type groupChange struct {
	since   Version
	add     []string
	removed []string
}

// groupTiers are each level's own additions, in order: ReadOnly,
// ReadWrite, Admin.
var groupTiers = map[Level][3][]string{
	LevelCluster: {
		{"ListDatabases", "SelectOwnership", "SelectUser", "DescribeResourceGroup", "ListResourceGroups", "ListPrivilegeGroups"},
		{"FlushAll", "TransferNode", "TransferReplica", "UpdateResourceGroups"},
		{"BackupRBAC", "RestoreRBAC", "CreateDatabase", "DropDatabase", "CreateOwnership", "DropOwnership", "ManageOwnership",
			"CreateResourceGroup", "DropResourceGroup", "UpdateUser", "RenameCollection", "CreatePrivilegeGroup",
			"DropPrivilegeGroup", "OperatePrivilegeGroup"},
	},
	LevelDatabase: {
		{"ShowCollections", "DescribeDatabase"},
		{"AlterDatabase"},
		{"CreateCollection", "DropCollection"},
	},
	LevelCollection: {
		{"Query", "Search", "IndexDetail", "GetFlushState", "GetLoadState", "GetLoadingProgress", "HasPartition",
			"ShowPartitions", "DescribeCollection", "DescribeAlias", "GetStatistics", "ListAliases"},
		{"Load", "Release", "Insert", "Delete", "Upsert", "Import", "Flush", "Compaction", "LoadBalance", "CreateIndex",
			"DropIndex", "CreatePartition", "DropPartition"},
		{"CreateAlias", "DropAlias"},
	},
}

// groupChanges are what later releases changed, per group tier.
var groupChanges = map[string][]groupChange{
	"ClusterReadOnly": {{since: release2(6, 12), add: []string{"GetReplicateConfiguration"}},
		{since: release3_0, add: []string{"ListFileResources"}}},
	"ClusterReadWrite": {{since: release3_0, add: []string{"AddFileResource", "RemoveFileResource", "PinSnapshotData", "UnpinSnapshotData"}}},
	"ClusterAdmin": {{since: release2(6, 6), add: []string{"UpdateReplicateConfiguration"}},
		{since: release3_0, add: []string{"Expr", "RestoreExternalSnapshot", "ExportSnapshot"}, removed: []string{"RenameCollection"}}},
	"DatabaseAdmin": {{since: release3_0, add: []string{"RenameCollection"}}},
	"CollectionReadOnly": {{since: release2(6, 0), add: []string{"GetImportProgress", "ListImport"}},
		{since: release3_0, add: []string{"DescribeSnapshot", "ListSnapshots"}}},
	"CollectionReadWrite": {{since: release2(6, 0), add: []string{"AddCollectionField"}},
		{since: release3_0, add: []string{"AlterCollectionSchema", "RefreshExternalCollection", "CreateSnapshot", "DropSnapshot"}}},
	"CollectionAdmin": {{since: release3_0, add: []string{"RestoreSnapshot"}}},
}

// BuiltInGroupMembers returns, sorted, the default members of a built-in
// group on a server of version v (2.4.18 and later), and false for any
// other name.
func BuiltInGroupMembers(name string, v Version) ([]string, bool) {
	g, ok := LookupBuiltInGroup(name)
	if !ok {
		return nil, false
	}
	tiers := groupTiers[g.Level]
	var members []string
	for i, suffix := range []string{"ReadOnly", "ReadWrite", "Admin"} {
		tier := string(g.Level) + suffix
		members = append(members, tiers[i]...)
		for _, c := range groupChanges[tier] {
			if !v.Known() || v.AtLeast(c.since) {
				members = append(members, c.add...)
				members = slices.DeleteFunc(members, func(p string) bool { return slices.Contains(c.removed, p) })
			}
		}
		if tier == name {
			break
		}
	}
	slices.Sort(members)
	return members, true
}
