// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package database

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/diagnostics"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/tfvalue"
)

// databaseModel is the milvus_database state.
type databaseModel struct {
	ID                     types.String  `tfsdk:"id"`
	Name                   types.String  `tfsdk:"name"`
	ReplicaNumber          types.Int64   `tfsdk:"replica_number"`
	ResourceGroups         types.Set     `tfsdk:"resource_groups"`
	MaxCollections         types.Int64   `tfsdk:"max_collections"`
	DiskQuotaMB            types.Float64 `tfsdk:"disk_quota_mb"`
	ForceDenyWriting       types.Bool    `tfsdk:"force_deny_writing"`
	ForceDenyReading       types.Bool    `tfsdk:"force_deny_reading"`
	ForceDenyDDL           types.Bool    `tfsdk:"force_deny_ddl"`
	ForceDenyCollectionDDL types.Bool    `tfsdk:"force_deny_collection_ddl"`
	ForceDenyPartitionDDL  types.Bool    `tfsdk:"force_deny_partition_ddl"`
	ForceDenyIndex         types.Bool    `tfsdk:"force_deny_index"`
	ForceDenyFlush         types.Bool    `tfsdk:"force_deny_flush"`
	ForceDenyCompaction    types.Bool    `tfsdk:"force_deny_compaction"`
	Timezone               types.String  `tfsdk:"timezone"`
	Properties             types.Map     `tfsdk:"properties"`
}

// typedProperty is an attribute that sets one property Milvus reads.
type typedProperty struct {
	attr string
	milvus.DatabaseProperty
	description string
}

// typedProperties are the attributes for the properties a platform team
// sets when it onboards a team; every other key goes in `properties`.
var typedProperties = []typedProperty{
	{"replica_number", property("database.replica.number"),
		"How many replicas of each collection Milvus loads when a load names none (`database.replica.number`); at least 1."},
	{"resource_groups", property("database.resource_groups"),
		"The resource groups whose query nodes serve the database's collections (`database.resource_groups`), with `replica_number`. Milvus does not check that they exist."},
	{"max_collections", property("database.max.collections"),
		"The most collections the database may hold (`database.max.collections`); Milvus refuses to create more."},
	{"disk_quota_mb", property("database.diskQuota.mb"),
		"The disk quota of the database, in MB (`database.diskQuota.mb`); writes are refused beyond it."},
	{"force_deny_writing", property("database.force.deny.writing"),
		"Refuse every write (insert, upsert, delete, import) to the database (`database.force.deny.writing`)."},
	{"force_deny_reading", property("database.force.deny.reading"),
		"Refuse every search and query in the database (`database.force.deny.reading`)."},
	{"force_deny_ddl", property("database.force.deny.ddl"),
		"Refuse every DDL request in the database: collections, partitions, indexes, flush and compaction (`database.force.deny.ddl`)."},
	{"force_deny_collection_ddl", property("database.force.deny.collectionDDL"),
		"Refuse creating, altering and dropping collections in the database (`database.force.deny.collectionDDL`)."},
	{"force_deny_partition_ddl", property("database.force.deny.partitionDDL"),
		"Refuse creating and dropping partitions in the database (`database.force.deny.partitionDDL`)."},
	{"force_deny_index", property("database.force.deny.index"),
		"Refuse creating and dropping indexes in the database (`database.force.deny.index`)."},
	{"force_deny_flush", property("database.force.deny.flush"),
		"Refuse flush requests in the database (`database.force.deny.flush`)."},
	{"force_deny_compaction", property("database.force.deny.compaction"),
		"Refuse manual compaction in the database (`database.force.deny.compaction`)."},
	{"timezone", property("timezone"),
		"The database's time zone, an IANA name such as `Europe/Paris` (`timezone`): the default for its collections' timestamps."},
}

func property(key string) milvus.DatabaseProperty {
	p, ok := milvus.LookupDatabaseProperty(key)
	if !ok {
		panic("no database property " + key)
	}
	return p
}

func typedByKey(key string) (typedProperty, bool) {
	for _, t := range typedProperties {
		if t.Key == key {
			return t, true
		}
	}
	return typedProperty{}, false
}

// fields maps each typed attribute to its field in the model.
func (m *databaseModel) fields() map[string]any {
	return map[string]any{
		"replica_number": &m.ReplicaNumber, "resource_groups": &m.ResourceGroups, "max_collections": &m.MaxCollections,
		"disk_quota_mb": &m.DiskQuotaMB, "force_deny_writing": &m.ForceDenyWriting, "force_deny_reading": &m.ForceDenyReading,
		"force_deny_ddl": &m.ForceDenyDDL, "force_deny_collection_ddl": &m.ForceDenyCollectionDDL,
		"force_deny_partition_ddl": &m.ForceDenyPartitionDDL, "force_deny_index": &m.ForceDenyIndex,
		"force_deny_flush": &m.ForceDenyFlush, "force_deny_compaction": &m.ForceDenyCompaction, "timezone": &m.Timezone,
	}
}

// field is one typed attribute's value.
func (m *databaseModel) field(attr string) attr.Value {
	switch f := m.fields()[attr].(type) {
	case *types.Int64:
		return *f
	case *types.Float64:
		return *f
	case *types.Bool:
		return *f
	case *types.Set:
		return *f
	case *types.String:
		return *f
	}
	panic("no typed attribute " + attr)
}

// managed returns the properties this resource sets, as Milvus stores them.
// unknown lists the keys whose values are not known yet (at plan time).
func (m *databaseModel) managed() (props map[string]string, unknown []string) {
	props = map[string]string{}
	for _, t := range typedProperties {
		v := m.field(t.attr)
		switch {
		case v.IsUnknown():
			unknown = append(unknown, t.Key)
		case !v.IsNull():
			props[t.Key] = format(v)
		}
	}
	if m.Properties.IsUnknown() {
		return props, append(unknown, "properties")
	}
	for k, v := range m.Properties.Elements() {
		s, ok := v.(types.String)
		switch {
		case !ok || s.IsUnknown():
			unknown = append(unknown, k)
		case !s.IsNull():
			props[k] = s.ValueString()
		}
	}
	return props, unknown
}

// format is a typed value as the provider sends it.
func format(v attr.Value) string {
	switch v := v.(type) {
	case types.Int64:
		return strconv.FormatInt(v.ValueInt64(), 10)
	case types.Float64:
		return strconv.FormatFloat(v.ValueFloat64(), 'f', -1, 64)
	case types.Bool:
		return strconv.FormatBool(v.ValueBool())
	case types.Set:
		var names []string
		for _, e := range v.Elements() {
			if s, ok := e.(types.String); ok {
				names = append(names, s.ValueString())
			}
		}
		sort.Strings(names)
		return strings.Join(names, ",")
	case types.String:
		return v.ValueString()
	}
	return v.String()
}

// parse reads a server value for a typed property the way Milvus reads it;
// ok is false when Milvus could not read it either.
func parse(t typedProperty, raw string) (attr.Value, bool) {
	switch t.Type {
	case milvus.PropertyInt:
		n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
		return types.Int64Value(n), err == nil
	case milvus.PropertyFloat:
		f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		return types.Float64Value(f), err == nil
	case milvus.PropertyBool:
		b, err := strconv.ParseBool(strings.TrimSpace(raw))
		return types.BoolValue(b), err == nil
	case milvus.PropertyNames:
		var names []string
		for _, n := range strings.Split(raw, ",") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
		return tfvalue.StringSet(names), len(names) > 0
	}
	return types.StringValue(raw), raw != ""
}

// same reports whether a server value means what Terraform set: Milvus
// reads "True" as true, and names in any order.
func same(key, server, set string) bool {
	t, ok := typedByKey(key)
	if !ok {
		return server == set
	}
	a, okA := parse(t, server)
	b, okB := parse(t, set)
	return okA && okB && a.Equal(b)
}

// nullTyped returns the null value of a typed attribute.
func nullTyped(t typedProperty) attr.Value {
	switch t.Type {
	case milvus.PropertyInt:
		return types.Int64Null()
	case milvus.PropertyFloat:
		return types.Float64Null()
	case milvus.PropertyBool:
		return types.BoolNull()
	case milvus.PropertyNames:
		return types.SetNull(types.StringType)
	}
	return types.StringNull()
}

// setField stores v in a typed attribute (v has the attribute's type).
func (m *databaseModel) setField(attrName string, v attr.Value) {
	switch f := m.fields()[attrName].(type) {
	case *types.Int64:
		*f, _ = v.(types.Int64)
	case *types.Float64:
		*f, _ = v.(types.Float64)
	case *types.Bool:
		*f, _ = v.(types.Bool)
	case *types.Set:
		*f, _ = v.(types.Set)
	case *types.String:
		*f, _ = v.(types.String)
	}
}

// fromServer sets the state from what Milvus holds: the keys in keep (those
// this resource manages) get the server's values, or null when Milvus no
// longer has them; with adopt, every key Milvus holds is taken (an import),
// except those Milvus sets itself.
func (m *databaseModel) fromServer(db *milvus.Database, keep map[string]bool, adopt bool) {
	m.ID = types.StringValue(db.Name)
	m.Name = types.StringValue(db.Name)
	wanted := func(k string) bool { return keep[k] || (adopt && !milvus.ServerManagedProperty(k)) }
	for _, t := range typedProperties {
		v := nullTyped(t)
		if raw, ok := db.Properties[t.Key]; ok && wanted(t.Key) {
			if parsed, ok := parse(t, raw); ok {
				v = parsed
			}
		}
		m.setField(t.attr, v)
	}
	others := map[string]attr.Value{}
	for k, v := range db.Properties {
		if _, typed := typedByKey(k); !typed && wanted(k) {
			others[k] = types.StringValue(v)
		}
	}
	if len(others) == 0 && (m.Properties.IsNull() || adopt) {
		m.Properties = types.MapNull(types.StringType)
	} else {
		m.Properties = types.MapValueMust(types.StringType, others)
	}
}

// keys lists a map's keys, sorted.
func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// attrFor names the attribute that sets key, for messages.
func attrFor(key string) string {
	if t, ok := typedByKey(key); ok {
		return t.attr
	}
	return fmt.Sprintf("properties[%q]", key)
}

func object(name string) diagnostics.Object {
	return diagnostics.Object{Entity: milvus.EntityDatabase, Name: fmt.Sprintf("database %q", name), Resource: "milvus_database", ImportID: name}
}
