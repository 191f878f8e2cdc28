// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// The database RPCs of the emulator, as internal/rootcoord (meta_table.go,
// create_db_task.go, alter_database_task.go, and from 2.6.6
// ddl_callbacks_*_database.go) and internal/proxy/task_database.go of each
// release answer them.

type emulatedDatabase struct {
	properties  map[string]string
	collections []string
}

// SetDatabaseProperty changes a property behind Terraform's back ("" removes it).
func (s *Emulator) SetDatabaseProperty(db, key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if value == "" {
		delete(s.databases[db].properties, key)
		return
	}
	s.databases[db].properties[key] = value
}

// DatabaseProperties returns a database's properties, and whether it exists.
func (s *Emulator) DatabaseProperties(db string) (map[string]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.databases[db]
	if !ok {
		return nil, false
	}
	out := map[string]string{}
	for k, v := range d.properties {
		out[k] = v
	}
	return out, true
}

// CreateDatabaseOutside creates a database behind Terraform's back.
func (s *Emulator) CreateDatabaseOutside(db string, properties map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.databases[db] = &emulatedDatabase{properties: properties}
}

// AddCollection puts a collection in a database, as a client would.
func (s *Emulator) AddCollection(db, collection string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.databases[db].collections = append(s.databases[db].collections, collection)
}

// SetMaxDatabases sets rootCoord.maxDatabaseNum.
func (s *Emulator) SetMaxDatabases(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maxDatabases = n
}

func (s *Emulator) ListDatabases(context.Context, *milvuspb.ListDatabasesRequest) (*milvuspb.ListDatabasesResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := &milvuspb.ListDatabasesResponse{Status: okStatus}
	for name := range s.databases {
		resp.DbNames = append(resp.DbNames, name)
		resp.CreatedTimestamp = append(resp.CreatedTimestamp, uint64(time.Now().UnixNano()))
	}
	return resp, nil
}

// plainFail is a plain error in rootcoord (code 65535), which 2.6.19's merr
// standardisation (#50545) turned into a parameter error (1100).
func (s *Emulator) plainFail(reason string) *commonpb.Status {
	return s.fail(commonpb.ErrorCode_UnexpectedError, reason)
}

func (s *Emulator) CreateDatabase(_ context.Context, req *milvuspb.CreateDatabaseRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name := req.GetDbName()
	if _, ok := s.databases[name]; ok {
		return s.plainFail("database already exist: " + name), nil
	}
	// The limit counts default until 2.4.17 and from 2.6.6 with ">"; 2.4.18 to
	// 2.6.5 compare with ">=" (#38009).
	over := len(s.databases) > s.maxDatabases
	if s.since("2.4.18") && !s.since("2.6.6") {
		over = len(s.databases) >= s.maxDatabases
	}
	if over {
		return &commonpb.Status{Code: 801, ErrorCode: commonpb.ErrorCode_UnexpectedError,
			Reason: fmt.Sprintf("exceeded the limit number of database[limit=%d]", s.maxDatabases)}, nil
	}
	props := map[string]string{}
	if milvus.FeatureDatabaseProperties.In(s.version) { // older servers drop the unknown field
		for _, kv := range req.GetProperties() {
			if kv.GetKey() == "timezone" && s.since("2.6.6") {
				if st := s.checkTimezone(kv.GetValue()); st != nil {
					return st, nil
				}
			}
			props[kv.GetKey()] = kv.GetValue()
		}
	}
	s.databases[name] = &emulatedDatabase{properties: props}
	return okStatus, nil
}

func (s *Emulator) checkTimezone(tz string) *commonpb.Status {
	if _, err := time.LoadLocation(tz); tz == "" || err != nil {
		return &commonpb.Status{Code: 1100, ErrorCode: commonpb.ErrorCode_UnexpectedError,
			Reason: "unknown or invalid IANA Time Zone ID: " + tz + ": invalid parameter"}
	}
	return nil
}

func databaseNotFound(name string) *commonpb.Status {
	return &commonpb.Status{Code: 800, ErrorCode: commonpb.ErrorCode_UnexpectedError, Reason: "database not found[database=" + name + "]"}
}

func (s *Emulator) DescribeDatabase(_ context.Context, req *milvuspb.DescribeDatabaseRequest) (*milvuspb.DescribeDatabaseResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.databases[req.GetDbName()]
	if !ok {
		return &milvuspb.DescribeDatabaseResponse{Status: databaseNotFound(req.GetDbName())}, nil
	}
	resp := &milvuspb.DescribeDatabaseResponse{Status: okStatus, DbName: req.GetDbName()}
	keys := make([]string, 0, len(d.properties))
	for k := range d.properties {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		resp.Properties = append(resp.Properties, &commonpb.KeyValuePair{Key: k, Value: d.properties[k]})
	}
	return resp, nil
}

// AlterDatabase sets properties or (2.4.18+, 2.5.0+) removes keys, one or
// the other per request.
func (s *Emulator) AlterDatabase(_ context.Context, req *milvuspb.AlterDatabaseRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	deleteKeys := req.GetDeleteKeys()
	if !milvus.FeatureDropDatabaseProperties.In(s.version) {
		deleteKeys = nil // the field is unknown to the server
	}
	set := req.GetProperties()
	switch {
	case len(set) > 0 && len(deleteKeys) > 0 && s.since("2.6.1"):
		return s.plainFail("alter database cannot modify properties and delete keys at the same time"), nil
	case len(set) > 0 && len(deleteKeys) > 0:
		return s.plainFail("alter database operation cannot modify properties and delete keys at the same time"), nil
	case len(set) == 0 && len(deleteKeys) == 0 && !milvus.FeatureDropDatabaseProperties.In(s.version):
		return s.plainFail("only support alter database properties, but database properties is empty"), nil
	case len(set) == 0 && len(deleteKeys) == 0:
		return s.plainFail("alter database requires either properties or deletekeys to modify or delete keys, both cannot be empty"), nil
	}
	d, ok := s.databases[req.GetDbName()]
	if !ok {
		st := databaseNotFound(req.GetDbName())
		if s.since("2.6.6") {
			st.Reason = "failed to get database by name: " + st.Reason
		}
		return st, nil
	}
	for _, kv := range set {
		if kv.GetKey() == "timezone" && s.since("2.6.6") {
			if st := s.checkTimezone(kv.GetValue()); st != nil {
				return st, nil
			}
		}
		if len(kv.GetKey()) > 7 && kv.GetKey()[:7] == "cipher." && s.since("2.6.1") {
			return s.plainFail("can not alter cipher related properties"), nil
		}
	}
	for _, kv := range set {
		d.properties[kv.GetKey()] = kv.GetValue()
	}
	for _, k := range deleteKeys {
		delete(d.properties, k)
	}
	return okStatus, nil
}

// DropDatabase: a missing database is success; default and a database with
// collections are refused.
func (s *Emulator) DropDatabase(_ context.Context, req *milvuspb.DropDatabaseRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name := req.GetDbName()
	d, ok := s.databases[name]
	switch {
	case name == "default":
		return s.plainFail("can not drop default database"), nil
	case !ok:
		return okStatus, nil
	case len(d.collections) > 0:
		return s.plainFail(fmt.Sprintf("database:%s not empty, must drop all collections before drop database", name)), nil
	}
	delete(s.databases, name)
	return okStatus, nil
}

func (s *Emulator) ShowCollections(_ context.Context, req *milvuspb.ShowCollectionsRequest) (*milvuspb.ShowCollectionsResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.databases[req.GetDbName()]
	if !ok {
		return &milvuspb.ShowCollectionsResponse{Status: databaseNotFound(req.GetDbName())}, nil
	}
	return &milvuspb.ShowCollectionsResponse{Status: okStatus, CollectionNames: append([]string(nil), d.collections...)}, nil
}

// CreateAliasOutside makes alias name collection in db, as a client would.
func (s *Emulator) CreateAliasOutside(db, alias, collection string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.aliases[db] == nil {
		s.aliases[db] = map[string]string{}
	}
	s.aliases[db][alias] = collection
}

// DropCollectionOutside drops a collection as a client would: from 2.6.12,
// Milvus deletes the Collection grants on it (#48052, #48151).
func (s *Emulator) DropCollectionOutside(db, collection string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.databases[db]
	for i, c := range d.collections {
		if c == collection {
			d.collections = append(d.collections[:i], d.collections[i+1:]...)
			break
		}
	}
	if !s.since("2.6.12") {
		return
	}
	for role, rows := range s.grants {
		kept := rows[:0:0]
		for _, g := range rows {
			if g.ObjectType != milvus.ObjectCollection || g.DBName != db || g.ObjectName != collection {
				kept = append(kept, g)
			}
		}
		s.grants[role] = kept
	}
}

// resolve is the collection an alias names, from 2.6.12 on, where Milvus
// stores and checks grants on an alias as grants on its collection
// (proxy.resolveAliasForPrivilege); the name as given otherwise.
func (s *Emulator) resolve(db, name string) string {
	if c, ok := s.aliases[db][name]; ok && s.since("2.6.12") {
		return c
	}
	return name
}

func (s *Emulator) ListAliases(_ context.Context, req *milvuspb.ListAliasesRequest) (*milvuspb.ListAliasesResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.databases[req.GetDbName()]; !ok {
		return &milvuspb.ListAliasesResponse{Status: databaseNotFound(req.GetDbName())}, nil
	}
	var aliases []string
	for alias, collection := range s.aliases[req.GetDbName()] {
		if req.GetCollectionName() == "" || collection == req.GetCollectionName() {
			aliases = append(aliases, alias)
		}
	}
	sort.Strings(aliases)
	return &milvuspb.ListAliasesResponse{Status: okStatus, DbName: req.GetDbName(), CollectionName: req.GetCollectionName(),
		Aliases: aliases}, nil
}

func (s *Emulator) DescribeAlias(_ context.Context, req *milvuspb.DescribeAliasRequest) (*milvuspb.DescribeAliasResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.aliases[req.GetDbName()][req.GetAlias()]
	if !ok {
		return &milvuspb.DescribeAliasResponse{Status: &commonpb.Status{Code: 1600, ErrorCode: commonpb.ErrorCode_UnexpectedError,
			Reason: fmt.Sprintf("alias not found[database=%s][alias=%s]", req.GetDbName(), req.GetAlias())}}, nil
	}
	return &milvuspb.DescribeAliasResponse{Status: okStatus, DbName: req.GetDbName(), Alias: req.GetAlias(), Collection: c}, nil
}
