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
	"testing"
	"time"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
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
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := s.ListUsersAs(user, password)
		if err == nil {
			return
		}
		if !PermissionDenied(err) || time.Now().After(deadline) {
			t.Fatalf("%s, bound to admin, still cannot list users: %v", user, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// ListUsersAs lists the users logged in as user (SelectUser, which admin may).
func (s *Server) ListUsersAs(user, password string) error {
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

// PermissionDenied reports whether err is Milvus's RBAC refusal.
func PermissionDenied(err error) bool {
	return err != nil && status.Code(errors.Unwrap(err)) == codes.PermissionDenied
}
