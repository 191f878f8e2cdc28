// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"sort"
	"strings"
)

// PropertyType is how Milvus reads a database property's value. It checks
// none of them when they are set (timezone aside, from 2.6.6): a value it
// cannot read is stored, then ignored or fails later, so the provider checks
// them itself.
type PropertyType int

// The types of the database properties Milvus reads.
const (
	PropertyInt      PropertyType = iota // strconv.ParseInt / Atoi
	PropertyFloat                        // strconv.ParseFloat
	PropertyBool                         // strconv.ParseBool
	PropertyNames                        // names separated by ',' (spaces around each trimmed)
	PropertyTimezone                     // an IANA time zone name (time.LoadLocation)
)

// DatabaseProperty is a key Milvus reads from a database's properties
// (pkg/common/common.go), with the first version that reads it.
type DatabaseProperty struct {
	Key     string
	Type    PropertyType
	Feature Feature
}

// DatabaseProperties lists every database property Milvus 2.4 to 3.0
// reads, in the order of pkg/common/common.go.
var DatabaseProperties = []DatabaseProperty{
	{"database.replica.number", PropertyInt, FeatureDatabaseProperties},
	{"database.resource_groups", PropertyNames, FeatureDatabaseProperties},
	{"database.diskQuota.mb", PropertyFloat, FeatureDatabaseProperties},
	{"database.max.collections", PropertyInt, FeatureDatabaseProperties},
	{"database.force.deny.writing", PropertyBool, FeatureDatabaseProperties},
	{"database.force.deny.reading", PropertyBool, FeatureDatabaseDenyReading},
	{"database.force.deny.ddl", PropertyBool, FeatureDatabaseDDLSwitches},
	{"database.force.deny.collectionDDL", PropertyBool, FeatureDatabaseDDLSwitches},
	{"database.force.deny.partitionDDL", PropertyBool, FeatureDatabaseDDLSwitches},
	{"database.force.deny.index", PropertyBool, FeatureDatabaseDDLSwitches},
	{"database.force.deny.flush", PropertyBool, FeatureDatabaseDDLSwitches},
	{"database.force.deny.compaction", PropertyBool, FeatureDatabaseDDLSwitches},
	{"timezone", PropertyTimezone, FeatureDatabaseTimezone},
}

// LookupDatabaseProperty finds a property Milvus reads by its exact key.
func LookupDatabaseProperty(key string) (DatabaseProperty, bool) {
	for _, p := range DatabaseProperties {
		if p.Key == key {
			return p, true
		}
	}
	return DatabaseProperty{}, false
}

// serverManagedPrefixes are the keys Milvus sets itself: encryption
// (cipher.enabled, cipher.key, cipher.ezID: 2.6 strips or refuses them from
// clients, internal/util/hookutil/cipher.go) and replication (replicate.id,
// replicate.endTS: set by CDC).
var serverManagedPrefixes = []string{"cipher.", "replicate."}

// ServerManagedProperty reports whether Milvus sets key itself: it is never
// drift, never adopted on import, and a configuration may not set it.
func ServerManagedProperty(key string) bool {
	for _, p := range serverManagedPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// SuggestDatabaseProperty finds the property a mistyped database.* key most
// likely meant: the same key in another case, or the nearest by edit
// distance (at most 3 edits). "" when nothing is close.
func SuggestDatabaseProperty(key string) string {
	best, bestDistance := "", 4
	keys := make([]string, 0, len(DatabaseProperties))
	for _, p := range DatabaseProperties {
		keys = append(keys, p.Key)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(k, key) {
			return k
		}
		if d := editDistance(strings.ToLower(k), strings.ToLower(key)); d < bestDistance {
			best, bestDistance = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of two short ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
