// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"errors"
	"testing"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus/pkg/v2/util/merr"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Replies of the database RPCs. The 2.3.5 rows were recorded from the real
// Milvus v2.3.5-lite (the acceptance tests see them live too); the others
// are written from each release's source (internal/rootcoord/meta_table.go,
// create_db_task.go, alter_database_task.go, ddl_callbacks_*_database.go,
// internal/proxy/util.go), emulated, not recorded.
func TestClassify_databaseRepliesOfEveryVersion(t *testing.T) {
	reply := func(code int32, reason string) error {
		return merr.CheckRPCCall(&commonpb.Status{Code: code, ErrorCode: commonpb.ErrorCode_UnexpectedError, Reason: reason}, nil)
	}
	cases := []struct {
		versions string
		op       operation
		err      error
		want     Kind
	}{
		// CreateDatabase, name taken.
		{"2.3.5 (recorded), to 2.6.18", opCreateDatabase, reply(65535, "database already exist: probe1"), ErrAlreadyExists},
		{"2.6.19+", opCreateDatabase, reply(1100, "database already exist: probe1: invalid parameter"), ErrAlreadyExists},
		// rootCoord.maxDatabaseNum.
		{"2.3.5 (recorded), all", opCreateDatabase, reply(801, "exceeded the limit number of database[limit=64]"), ErrLimitExceeded},
		// Bad names (the proxy's ValidateDatabaseName).
		{"2.3.5 (recorded), all", opCreateDatabase, reply(802, "the first character of a database name must be an underscore or letter: invalid database name[database=1db]"), ErrInvalidArgument},
		{"2.3.5 (recorded), all", opCreateDatabase, reply(802, "database name can only contain numbers, letters and underscores: invalid database name[database=a-b]"), ErrInvalidArgument},
		{"2.3.5 (recorded), all", opCreateDatabase, reply(802, "database name couldn't be empty: invalid database name[database=]"), ErrInvalidArgument},
		// DropDatabase of a database holding collections.
		{"2.3.5, to 2.6.18", opDropDatabase, reply(65535, "database:team_a not empty, must drop all collections before drop database"), ErrInUse},
		{"2.6.19+", opDropDatabase, reply(1100, "database:team_a not empty, must drop all collections before drop database: invalid parameter"), ErrInUse},
		// DropDatabase of default.
		{"2.3.5 (recorded), to 2.6.18", opDropDatabase, reply(65535, "can not drop default database"), ErrInvalidArgument},
		{"2.6.19+", opDropDatabase, reply(1100, "can not drop default database: invalid parameter"), ErrInvalidArgument},
		// A database that does not exist.
		{"2.3.5 (recorded), all: ShowCollections", opListCollections, reply(800, "database not found[database=nosuchdb]"), ErrNotFound},
		{"2.4.2+: DescribeDatabase", opDescribeDatabase, reply(800, "database not found[database=nosuchdb]"), ErrNotFound},
		{"2.6.6+: AlterDatabase", opAlterDatabase, reply(800, "failed to get database by name: database not found[database=nosuchdb]"), ErrNotFound},
		{"2.4.0+: ListAliases", opListAliases, reply(800, "database not found[database=nosuchdb]"), ErrNotFound},
		// An alias that does not exist (merr.WrapErrAliasNotFound).
		{"2.4.0+: DescribeAlias", opDescribeAlias, reply(1600, "alias not found[database=team_a][alias=docs]"), ErrNotFound},
		// AlterDatabase refusals.
		{"2.6.6+: timezone", opAlterDatabase, reply(1100, "unknown or invalid IANA Time Zone ID: Mars/Base: invalid parameter"), ErrInvalidArgument},
		{"2.6.1-2.6.5: cipher", opAlterDatabase, reply(65535, "can not alter cipher related properties"), ErrInvalidArgument},
		{"2.6.6+: cipher", opAlterDatabase, reply(1100, "can not alter cipher related properties: invalid parameter"), ErrInvalidArgument},
		// The visibility check of 2.5.12+: a user that may not see the database.
		{"2.5.12+", opDescribeDatabase, reply(1401, "not allowed to access database, db name: team_b: privilege not permitted"), ErrPermissionDenied},
	}
	for _, c := range cases {
		t.Run(c.versions+" "+c.err.Error(), func(t *testing.T) {
			if got := classify(c.op, "do it", c.err); !errors.Is(got, c.want) {
				t.Fatalf("classified as %v, want %v", got, c.want)
			}
		})
	}
}

// Milvus 2.3 has no DescribeDatabase or AlterDatabase: grpc-go refuses the
// method before any interceptor (recorded from v2.3.5-lite).
func TestClassify_databaseMethodsOn23(t *testing.T) {
	for _, method := range []string{"DescribeDatabase", "AlterDatabase"} {
		err := status.Error(codes.Unimplemented, "unknown method "+method+" for service milvus.proto.milvus.MilvusService")
		if got := classify(opAlterDatabase, "alter database d", err); !errors.Is(got, ErrUnsupported) {
			t.Fatalf("%s classified as %v", method, got)
		}
	}
}
