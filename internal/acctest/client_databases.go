// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"slices"
	"sort"
	"strings"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"github.com/milvus-io/milvus-proto/go-api/v2/schemapb"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
)

// CreateDatabase creates a database (nothing if it exists).
func (s *Server) CreateDatabase(name string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.CreateDatabase(ctx, &milvuspb.CreateDatabaseRequest{DbName: name})
	if err == nil && strings.Contains(st.GetReason(), "already exist") {
		return nil
	}
	return check("create database "+name, st, err)
}

// DropDatabase drops a database after dropping its collections.
func (s *Server) DropDatabase(name string) error {
	ctx, cancel := s.admin()
	defer cancel()
	resp, err := s.rpc.ShowCollections(ctx, &milvuspb.ShowCollectionsRequest{DbName: name})
	if err := check("list the collections of "+name, resp.GetStatus(), err); err != nil {
		return err
	}
	for _, c := range resp.GetCollectionNames() {
		st, err := s.rpc.DropCollection(ctx, &milvuspb.DropCollectionRequest{DbName: name, CollectionName: c})
		if err := check("drop collection "+c, st, err); err != nil {
			return err
		}
	}
	st, err := s.rpc.DropDatabase(ctx, &milvuspb.DropDatabaseRequest{DbName: name})
	return check("drop database "+name, st, err)
}

// Databases lists every database, sorted.
func (s *Server) Databases() ([]string, error) {
	ctx, cancel := s.admin()
	defer cancel()
	resp, err := s.rpc.ListDatabases(ctx, &milvuspb.ListDatabasesRequest{})
	if err := check("list databases", resp.GetStatus(), err); err != nil {
		return nil, err
	}
	names := resp.GetDbNames()
	sort.Strings(names)
	return names, nil
}

// DatabaseExists reports whether Milvus lists the database.
func (s *Server) DatabaseExists(name string) (bool, error) {
	names, err := s.Databases()
	return slices.Contains(names, name), err
}

// Collections lists the collections of a database, sorted.
func (s *Server) Collections(db string) ([]string, error) {
	ctx, cancel := s.admin()
	defer cancel()
	resp, err := s.rpc.ShowCollections(ctx, &milvuspb.ShowCollectionsRequest{DbName: db})
	if err := check("list the collections of "+db, resp.GetStatus(), err); err != nil {
		return nil, err
	}
	names := resp.GetCollectionNames()
	sort.Strings(names)
	return names, nil
}

// CreateCollection creates a small collection in db as the admin.
func (s *Server) CreateCollection(db, name string) error {
	return s.CreateCollectionAs(s.Username, s.Password, db, name)
}

// CreateCollectionAs creates a small collection in db, logged in as user:
// the plain CreateCollection call, which needs the Global privilege
// CreateCollection in that database (and nothing else, unlike a client's
// quick setup, which also creates an index).
func (s *Server) CreateCollectionAs(user, password, db, name string) error {
	schema, err := proto.Marshal(&schemapb.CollectionSchema{Name: name, Fields: []*schemapb.FieldSchema{
		{FieldID: 100, Name: "id", IsPrimaryKey: true, DataType: schemapb.DataType_Int64},
		{FieldID: 101, Name: "vec", DataType: schemapb.DataType_FloatVector, TypeParams: []*commonpb.KeyValuePair{{Key: "dim", Value: "4"}}},
	}})
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(user, password)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "dbname", db)
	st, err := s.rpc.CreateCollection(ctx, &milvuspb.CreateCollectionRequest{DbName: db, CollectionName: name, Schema: schema, ShardsNum: 1})
	return check(user+" creates collection "+name+" in "+db, st, err)
}

// ShowPartitionsAs lists a collection's partitions logged in as user: the
// Collection privilege ShowPartitions on that collection allows it.
func (s *Server) ShowPartitionsAs(user, password, db, collection string) error {
	ctx, cancel := s.ctx(user, password)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "dbname", db)
	resp, err := s.rpc.ShowPartitions(ctx, &milvuspb.ShowPartitionsRequest{DbName: db, CollectionName: collection})
	return check(user+" lists the partitions of "+collection, resp.GetStatus(), err)
}
