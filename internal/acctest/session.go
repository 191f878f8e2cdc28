// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"github.com/milvus-io/milvus-proto/go-api/v2/schemapb"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
)

// Session is a user logged in to one database, doing what an application
// does, over Milvus's gRPC protocol: proof of what a user's grants allow, and
// of what they do not. Collections have an int64 primary key "id" and a
// 4-dimensional float vector "vec".
type Session struct {
	s                  *Server
	User, Password, DB string
}

// As starts a session of user in db.
func (s *Server) As(user, password, db string) *Session {
	return &Session{s: s, User: user, Password: password, DB: db}
}

// ctx carries the credentials and the database: Milvus 2.3 to 2.6 check
// privileges in the connection's database (the dbname header).
func (se *Session) ctx() (context.Context, context.CancelFunc) {
	ctx, cancel := se.s.ctx(se.User, se.Password)
	return metadata.AppendToOutgoingContext(ctx, "dbname", se.DB), cancel
}

func (se *Session) what(verb, collection string) string {
	if collection == "" {
		return fmt.Sprintf("%s %s in %s", se.User, verb, se.DB)
	}
	return fmt.Sprintf("%s %s %s in %s", se.User, verb, collection, se.DB)
}

// ListDatabases lists the databases (a Global privilege, ListDatabases).
func (se *Session) ListDatabases() ([]string, error) {
	ctx, cancel := se.ctx()
	defer cancel()
	resp, err := se.s.rpc.ListDatabases(ctx, &milvuspb.ListDatabasesRequest{})
	if err := check(se.User+" lists the databases", resp.GetStatus(), err); err != nil {
		return nil, err
	}
	return resp.GetDbNames(), nil
}

// ListGrants lists a role's grants in the session's database (a Global
// privilege, SelectOwnership, for a role the user does not hold).
func (se *Session) ListGrants(role string) error {
	ctx, cancel := se.ctx()
	defer cancel()
	resp, err := se.s.rpc.SelectGrant(ctx, &milvuspb.SelectGrantRequest{Entity: &milvuspb.GrantEntity{
		Role: &milvuspb.RoleEntity{Name: role}, DbName: se.DB}})
	return check(se.User+" lists the grants of "+role, resp.GetStatus(), err)
}

// ListCollections lists the database's collections.
func (se *Session) ListCollections() ([]string, error) {
	ctx, cancel := se.ctx()
	defer cancel()
	resp, err := se.s.rpc.ShowCollections(ctx, &milvuspb.ShowCollectionsRequest{DbName: se.DB})
	if err := check(se.what("lists the collections", ""), resp.GetStatus(), err); err != nil {
		return nil, err
	}
	return resp.GetCollectionNames(), nil
}

// Describe describes a collection.
func (se *Session) Describe(collection string) error {
	ctx, cancel := se.ctx()
	defer cancel()
	resp, err := se.s.rpc.DescribeCollection(ctx, &milvuspb.DescribeCollectionRequest{DbName: se.DB, CollectionName: collection})
	return check(se.what("describes", collection), resp.GetStatus(), err)
}

// CreateCollection creates a collection (the Global privilege CreateCollection).
func (se *Session) CreateCollection(collection string) error {
	return se.s.CreateCollectionAs(se.User, se.Password, se.DB, collection)
}

// DropCollection drops a collection (the Global privilege DropCollection).
func (se *Session) DropCollection(collection string) error {
	ctx, cancel := se.ctx()
	defer cancel()
	st, err := se.s.rpc.DropCollection(ctx, &milvuspb.DropCollectionRequest{DbName: se.DB, CollectionName: collection})
	return check(se.what("drops", collection), st, err)
}

// CreateIndex builds a FLAT index on vec.
func (se *Session) CreateIndex(collection string) error {
	ctx, cancel := se.ctx()
	defer cancel()
	st, err := se.s.rpc.CreateIndex(ctx, &milvuspb.CreateIndexRequest{DbName: se.DB, CollectionName: collection, FieldName: "vec",
		ExtraParams: []*commonpb.KeyValuePair{{Key: "index_type", Value: "FLAT"}, {Key: "metric_type", Value: "L2"}, {Key: "params", Value: "{}"}}})
	return check(se.what("creates an index on", collection), st, err)
}

// Load loads a collection and waits until it is loaded; the wait asks as
// this user, so it also needs what a load-state check needs.
func (se *Session) Load(collection string) error {
	ctx, cancel := se.ctx()
	defer cancel()
	st, err := se.s.rpc.LoadCollection(ctx, &milvuspb.LoadCollectionRequest{DbName: se.DB, CollectionName: collection, ReplicaNumber: 1})
	if err := check(se.what("loads", collection), st, err); err != nil {
		return err
	}
	for deadline := time.Now().Add(30 * time.Second); ; {
		resp, err := se.s.rpc.GetLoadState(ctx, &milvuspb.GetLoadStateRequest{DbName: se.DB, CollectionName: collection})
		if err := check(se.what("asks the load state of", collection), resp.GetStatus(), err); err != nil {
			return err
		}
		if resp.GetState() == commonpb.LoadState_LoadStateLoaded {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: still %s after 30s", se.what("loads", collection), resp.GetState())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// rows builds the id and vec columns for ids.
func rows(ids ...int64) []*schemapb.FieldData {
	vectors := make([]float32, 0, 4*len(ids))
	for _, id := range ids {
		vectors = append(vectors, float32(id), 1, 0, 0)
	}
	return []*schemapb.FieldData{
		{Type: schemapb.DataType_Int64, FieldName: "id", Field: &schemapb.FieldData_Scalars{Scalars: &schemapb.ScalarField{
			Data: &schemapb.ScalarField_LongData{LongData: &schemapb.LongArray{Data: ids}}}}},
		{Type: schemapb.DataType_FloatVector, FieldName: "vec", Field: &schemapb.FieldData_Vectors{Vectors: &schemapb.VectorField{
			Dim: 4, Data: &schemapb.VectorField_FloatVector{FloatVector: &schemapb.FloatArray{Data: vectors}}}}},
	}
}

// Insert inserts rows with the given ids.
func (se *Session) Insert(collection string, ids ...int64) error {
	ctx, cancel := se.ctx()
	defer cancel()
	resp, err := se.s.rpc.Insert(ctx, &milvuspb.InsertRequest{DbName: se.DB, CollectionName: collection,
		FieldsData: rows(ids...), NumRows: uint32(len(ids))})
	return check(se.what("inserts into", collection), resp.GetStatus(), err)
}

// Upsert upserts rows with the given ids.
func (se *Session) Upsert(collection string, ids ...int64) error {
	ctx, cancel := se.ctx()
	defer cancel()
	resp, err := se.s.rpc.Upsert(ctx, &milvuspb.UpsertRequest{DbName: se.DB, CollectionName: collection,
		FieldsData: rows(ids...), NumRows: uint32(len(ids))})
	return check(se.what("upserts into", collection), resp.GetStatus(), err)
}

// Delete deletes the rows with the given ids.
func (se *Session) Delete(collection string, ids ...int64) error {
	ctx, cancel := se.ctx()
	defer cancel()
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = fmt.Sprint(id)
	}
	resp, err := se.s.rpc.Delete(ctx, &milvuspb.DeleteRequest{DbName: se.DB, CollectionName: collection,
		Expr: "id in [" + strings.Join(list, ",") + "]"})
	return check(se.what("deletes from", collection), resp.GetStatus(), err)
}

// Search runs one nearest-neighbour search on vec.
func (se *Session) Search(collection string) error {
	vector := make([]byte, 0, 16)
	for _, f := range []float32{1, 1, 0, 0} {
		vector = binary.LittleEndian.AppendUint32(vector, math.Float32bits(f))
	}
	group, err := proto.Marshal(&commonpb.PlaceholderGroup{Placeholders: []*commonpb.PlaceholderValue{
		{Tag: "$0", Type: commonpb.PlaceholderType_FloatVector, Values: [][]byte{vector}}}})
	if err != nil {
		return err
	}
	ctx, cancel := se.ctx()
	defer cancel()
	resp, err := se.s.rpc.Search(ctx, &milvuspb.SearchRequest{DbName: se.DB, CollectionName: collection, DslType: commonpb.DslType_BoolExprV1,
		SearchInput: &milvuspb.SearchRequest_PlaceholderGroup{PlaceholderGroup: group}, Nq: 1, SearchParams: []*commonpb.KeyValuePair{{Key: "anns_field", Value: "vec"}, {Key: "topk", Value: "3"},
			{Key: "metric_type", Value: "L2"}, {Key: "params", Value: "{}"}, {Key: "round_decimal", Value: "-1"}}})
	return check(se.what("searches", collection), resp.GetStatus(), err)
}

// Query returns the ids of every row.
func (se *Session) Query(collection string) error {
	ctx, cancel := se.ctx()
	defer cancel()
	resp, err := se.s.rpc.Query(ctx, &milvuspb.QueryRequest{DbName: se.DB, CollectionName: collection, Expr: "id >= 0",
		OutputFields: []string{"id"}})
	return check(se.what("queries", collection), resp.GetStatus(), err)
}
