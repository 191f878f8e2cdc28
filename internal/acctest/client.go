// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"github.com/milvus-io/milvus-proto/go-api/v2/schemapb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

// Server is a direct line to the test Milvus over its gRPC protocol. It does
// not use internal/milvus or the SDK, so a bug there cannot hide from the
// checks made here.
type Server struct {
	Address  string
	Username string
	Password string
	conn     *grpc.ClientConn
	rpc      milvuspb.MilvusServiceClient
}

// Connect opens the direct line with the admin credentials from the
// environment and closes it when the test ends.
func Connect(t *testing.T) *Server {
	t.Helper()
	PreCheck(t)
	return connect(t, os.Getenv("MILVUS_ADDRESS"), os.Getenv("MILVUS_USERNAME"), os.Getenv("MILVUS_PASSWORD"))
}

// ConnectDefaults opens a direct line to the server with Milvus's default
// limits (MILVUS_TEST_DEFAULTS_ADDRESS, root/Milvus), which make test starts
// beside the main one; without it the test is skipped, saying so.
func ConnectDefaults(t *testing.T) *Server {
	t.Helper()
	PreCheck(t)
	address := os.Getenv("MILVUS_TEST_DEFAULTS_ADDRESS")
	if address == "" {
		t.Skip("needs a second Milvus with default limits in MILVUS_TEST_DEFAULTS_ADDRESS (make test starts one)")
	}
	return connect(t, address, "root", "Milvus")
}

func connect(t *testing.T, address, username, password string) *Server {
	t.Helper()
	s := &Server{Address: address, Username: username, Password: password}
	conn, err := grpc.NewClient(s.Address, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatalf("dial %s: %v", s.Address, err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	s.conn, s.rpc = conn, milvuspb.NewMilvusServiceClient(conn)
	return s
}

func (s *Server) ctx(user, password string) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	token := base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
	return metadata.AppendToOutgoingContext(ctx, "authorization", token), cancel
}

func (s *Server) admin() (context.Context, context.CancelFunc) { return s.ctx(s.Username, s.Password) }

func b64(v string) string { return base64.StdEncoding.EncodeToString([]byte(v)) }

func check(what string, st *commonpb.Status, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if st.GetCode() != 0 || st.GetErrorCode() != commonpb.ErrorCode_Success {
		return fmt.Errorf("%s: code %d, error_code %d: %s", what, st.GetCode(), st.GetErrorCode(), st.GetReason())
	}
	return nil
}

// Login tries to authenticate as user with password, the way any client does
// on connecting. nil means the server accepted the credentials.
func (s *Server) Login(user, password string) error {
	ctx, cancel := s.ctx(user, password)
	defer cancel()
	resp, err := s.rpc.Connect(ctx, &milvuspb.ConnectRequest{ClientInfo: &commonpb.ClientInfo{SdkType: "acctest", User: user}})
	return check("log in as "+user, resp.GetStatus(), err)
}

// CreateUser creates a user behind Terraform's back.
func (s *Server) CreateUser(user, password string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.CreateCredential(ctx, &milvuspb.CreateCredentialRequest{Username: user, Password: b64(password)})
	return check("create user "+user, st, err)
}

// SetPassword changes a password behind Terraform's back, proving oldPassword
// (the admin is a super user on the test server, so any value passes there).
func (s *Server) SetPassword(user, oldPassword, newPassword string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.UpdateCredential(ctx, &milvuspb.UpdateCredentialRequest{
		Username: user, OldPassword: b64(oldPassword), NewPassword: b64(newPassword)})
	return check("update the password of "+user, st, err)
}

// DropUser deletes a user behind Terraform's back.
func (s *Server) DropUser(user string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.DeleteCredential(ctx, &milvuspb.DeleteCredentialRequest{Username: user})
	return check("delete user "+user, st, err)
}

// Users lists usernames, sorted.
func (s *Server) Users() ([]string, error) {
	ctx, cancel := s.admin()
	defer cancel()
	resp, err := s.rpc.ListCredUsers(ctx, &milvuspb.ListCredUsersRequest{})
	if err := check("list users", resp.GetStatus(), err); err != nil {
		return nil, err
	}
	names := resp.GetUsernames()
	sort.Strings(names)
	return names, nil
}

// UserExists reports whether Milvus lists the user.
func (s *Server) UserExists(user string) (bool, error) {
	names, err := s.Users()
	for _, n := range names {
		if n == user {
			return true, err
		}
	}
	return false, err
}

// Roles returns the roles of one user, sorted.
func (s *Server) Roles(user string) ([]string, error) {
	ctx, cancel := s.admin()
	defer cancel()
	resp, err := s.rpc.SelectUser(ctx, &milvuspb.SelectUserRequest{User: &milvuspb.UserEntity{Name: user}, IncludeRoleInfo: true})
	if err := check("select user "+user, resp.GetStatus(), err); err != nil {
		return nil, err
	}
	var roles []string
	for _, r := range resp.GetResults() {
		for _, role := range r.GetRoles() {
			roles = append(roles, role.GetName())
		}
	}
	sort.Strings(roles)
	return roles, nil
}

// GrantRole creates role unless it exists, and binds user to it.
func (s *Server) GrantRole(user, role string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.CreateRole(ctx, &milvuspb.CreateRoleRequest{Entity: &milvuspb.RoleEntity{Name: role}})
	if err == nil && st.GetErrorCode() != commonpb.ErrorCode_Success && st.GetErrorCode() != commonpb.ErrorCode_CreateRoleFailure {
		return check("create role "+role, st, err)
	}
	st, err = s.rpc.OperateUserRole(ctx, &milvuspb.OperateUserRoleRequest{Username: user, RoleName: role, Type: milvuspb.OperateUserRoleType_AddUserToRole})
	return check("bind "+user+" to "+role, st, err)
}

// UsePassword switches the admin credentials after a test rotated them.
func (s *Server) UsePassword(password string) { s.Password = password }

// CreateAdmin creates a user bound to the built-in admin role: a principal
// with every privilege that is not listed in common.security.superUsers.
func (s *Server) CreateAdmin(t *testing.T, user, password string) {
	t.Helper()
	if err := s.CreateUser(user, password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.DropUser(user) })
	if err := s.GrantRole(user, "admin"); err != nil {
		t.Fatal(err)
	}
	// Milvus 2.3 answers the binding before every proxy enforces it (seen
	// under load: the next request as the user was still denied), so wait
	// until a request as the user that needs admin goes through.
	deadline := time.Now().Add(20 * time.Second)
	for {
		err := s.listUsersAs(user, password)
		if err == nil {
			return
		}
		if !PermissionDenied(err) || time.Now().After(deadline) {
			t.Fatalf("%s, bound to admin, still cannot list users: %v", user, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// listUsersAs lists the users logged in as user (SelectUser, which admin may).
func (s *Server) listUsersAs(user, password string) error {
	ctx, cancel := s.ctx(user, password)
	defer cancel()
	resp, err := s.rpc.SelectUser(ctx, &milvuspb.SelectUserRequest{})
	return check(user+" lists users", resp.GetStatus(), err)
}

// ServerVersion returns the version the test server reports, e.g. "v2.3.5-lite".
func ServerVersion(t *testing.T) string {
	t.Helper()
	s := Connect(t)
	ctx, cancel := s.admin()
	defer cancel()
	resp, err := s.rpc.GetVersion(ctx, &milvuspb.GetVersionRequest{})
	if err := check("get the server version", resp.GetStatus(), err); err != nil {
		t.Fatal(err)
	}
	return resp.GetVersion()
}

// CreateRole creates a role behind Terraform's back.
func (s *Server) CreateRole(role string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.CreateRole(ctx, &milvuspb.CreateRoleRequest{Entity: &milvuspb.RoleEntity{Name: role}})
	return check("create role "+role, st, err)
}

// DropRole drops a role behind Terraform's back (its grants in the default
// database must be revoked first, as Milvus demands).
func (s *Server) DropRole(role string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.DropRole(ctx, &milvuspb.DropRoleRequest{RoleName: role})
	return check("drop role "+role, st, err)
}

// AllRoles lists every role, sorted.
func (s *Server) AllRoles() ([]string, error) {
	ctx, cancel := s.admin()
	defer cancel()
	resp, err := s.rpc.SelectRole(ctx, &milvuspb.SelectRoleRequest{})
	if err := check("list roles", resp.GetStatus(), err); err != nil {
		return nil, err
	}
	var names []string
	for _, r := range resp.GetResults() {
		names = append(names, r.GetRole().GetName())
	}
	sort.Strings(names)
	return names, nil
}

// RoleExists reports whether Milvus lists the role.
func (s *Server) RoleExists(role string) (bool, error) {
	names, err := s.AllRoles()
	for _, n := range names {
		if n == role {
			return true, err
		}
	}
	return false, err
}

// Unbind removes a user's binding to a role behind Terraform's back.
func (s *Server) Unbind(user, role string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.OperateUserRole(ctx, &milvuspb.OperateUserRoleRequest{Username: user, RoleName: role,
		Type: milvuspb.OperateUserRoleType_RemoveUserFromRole})
	return check("unbind "+user+" from "+role, st, err)
}

// Bind binds a user to an existing role behind Terraform's back.
func (s *Server) Bind(user, role string) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.OperateUserRole(ctx, &milvuspb.OperateUserRoleRequest{Username: user, RoleName: role,
		Type: milvuspb.OperateUserRoleType_AddUserToRole})
	return check("bind "+user+" to "+role, st, err)
}

// GrantRow is one row of Milvus's grant table, as the server lists it.
type GrantRow struct {
	ObjectType, ObjectName, DB, Privilege string
}

func (g GrantRow) entity(role string) *milvuspb.GrantEntity {
	return &milvuspb.GrantEntity{Role: &milvuspb.RoleEntity{Name: role}, Object: &milvuspb.ObjectEntity{Name: g.ObjectType},
		ObjectName: g.ObjectName, DbName: g.DB, Grantor: &milvuspb.GrantorEntity{Privilege: &milvuspb.PrivilegeEntity{Name: g.Privilege}}}
}

// Grant grants a privilege with the classic call behind Terraform's back.
func (s *Server) Grant(role string, g GrantRow) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.OperatePrivilege(ctx, &milvuspb.OperatePrivilegeRequest{Entity: g.entity(role), Type: milvuspb.OperatePrivilegeType_Grant})
	return check("grant "+g.Privilege+" to "+role, st, err)
}

// Revoke revokes a privilege behind Terraform's back.
func (s *Server) Revoke(role string, g GrantRow) error {
	ctx, cancel := s.admin()
	defer cancel()
	st, err := s.rpc.OperatePrivilege(ctx, &milvuspb.OperatePrivilegeRequest{Entity: g.entity(role), Type: milvuspb.OperatePrivilegeType_Revoke})
	return check("revoke "+g.Privilege+" from "+role, st, err)
}

// Grants lists a role's grants in one database, as Milvus lists them there
// (on 2.3 a database's listing also holds the rows of the "*" database).
func (s *Server) Grants(role, db string) ([]GrantRow, error) {
	ctx, cancel := s.admin()
	defer cancel()
	resp, err := s.rpc.SelectGrant(ctx, &milvuspb.SelectGrantRequest{Entity: &milvuspb.GrantEntity{
		Role: &milvuspb.RoleEntity{Name: role}, DbName: db}})
	if err := check("list the grants of "+role, resp.GetStatus(), err); err != nil {
		return nil, err
	}
	var rows []GrantRow
	for _, e := range resp.GetEntities() {
		rows = append(rows, GrantRow{ObjectType: e.GetObject().GetName(), ObjectName: e.GetObjectName(), DB: e.GetDbName(),
			Privilege: e.GetGrantor().GetPrivilege().GetName()})
	}
	return rows, nil
}

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

// PermissionDenied reports whether err is Milvus's RBAC refusal.
func PermissionDenied(err error) bool {
	return err != nil && status.Code(errors.Unwrap(err)) == codes.PermissionDenied
}
