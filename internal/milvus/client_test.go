// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"encoding/base64"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// faultServer is a minimal Milvus for fault injection: it fails the first
// failures calls of an RPC before carrying them out, loses the reply of the
// first lost calls after carrying them out, and records the users each call
// authenticated as. Behaviour against a real server is proven by the
// acceptance tests (with a fault-injecting proxy in front of it).
type faultServer struct {
	milvuspb.UnimplementedMilvusServiceServer
	mu       sync.Mutex
	failures map[string]int
	lost     map[string]int
	calls    map[string]int
	callers  []string
	password map[string]string
}

// lostReply reports, after the call was carried out, whether its answer is
// to be lost.
func (s *faultServer) lostReply(rpc string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lost[rpc] > 0 {
		s.lost[rpc]--
		return status.Error(codes.Unavailable, "the connection broke before the answer arrived")
	}
	return nil
}

func (s *faultServer) CreateCredential(ctx context.Context, req *milvuspb.CreateCredentialRequest) (*commonpb.Status, error) {
	if err := s.enter(ctx, "CreateCredential"); err != nil {
		return nil, err
	}
	pw, _ := base64.StdEncoding.DecodeString(req.GetPassword())
	s.mu.Lock()
	_, exists := s.password[req.GetUsername()]
	if !exists {
		s.password[req.GetUsername()] = string(pw)
	}
	s.mu.Unlock()
	if exists {
		return &commonpb.Status{Code: 65535, ErrorCode: commonpb.ErrorCode_CreateCredentialFailure,
			Reason: "user already exists: " + req.GetUsername()}, nil
	}
	return &commonpb.Status{}, s.lostReply("CreateCredential")
}

func (s *faultServer) enter(ctx context.Context, rpc string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[rpc]++
	if s.failures[rpc] > 0 {
		s.failures[rpc]--
		return status.Error(codes.Unavailable, "connection refused")
	}
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) != 1 {
		return status.Error(codes.Unauthenticated, "missing authorization in header")
	}
	raw, _ := base64.StdEncoding.DecodeString(md["authorization"][0])
	s.callers = append(s.callers, string(raw))
	for user, pw := range s.password {
		if string(raw) == user+":"+pw {
			return nil
		}
	}
	return status.Error(codes.Unauthenticated, "auth check failure, please check username and password are correct")
}

func (s *faultServer) Connect(ctx context.Context, _ *milvuspb.ConnectRequest) (*milvuspb.ConnectResponse, error) {
	err := s.enter(ctx, "Connect")
	return &milvuspb.ConnectResponse{Status: &commonpb.Status{}}, err
}

func (s *faultServer) GetVersion(ctx context.Context, _ *milvuspb.GetVersionRequest) (*milvuspb.GetVersionResponse, error) {
	err := s.enter(ctx, "GetVersion")
	return &milvuspb.GetVersionResponse{Status: &commonpb.Status{}, Version: "v2.5.0"}, err
}

func (s *faultServer) SelectUser(ctx context.Context, req *milvuspb.SelectUserRequest) (*milvuspb.SelectUserResponse, error) {
	if err := s.enter(ctx, "SelectUser"); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := &milvuspb.SelectUserResponse{Status: &commonpb.Status{}}
	for user := range s.password {
		if req.GetUser() == nil || req.GetUser().GetName() == user {
			resp.Results = append(resp.Results, &milvuspb.UserResult{User: &milvuspb.UserEntity{Name: user},
				Roles: []*milvuspb.RoleEntity{{Name: "public"}, {Name: "admin"}}})
		}
	}
	return resp, nil
}

func (s *faultServer) UpdateCredential(ctx context.Context, req *milvuspb.UpdateCredentialRequest) (*commonpb.Status, error) {
	if err := s.enter(ctx, "UpdateCredential"); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	oldPw, _ := base64.StdEncoding.DecodeString(req.GetOldPassword())
	newPw, _ := base64.StdEncoding.DecodeString(req.GetNewPassword())
	if s.password[req.GetUsername()] != string(oldPw) {
		return &commonpb.Status{Code: 1400, ErrorCode: commonpb.ErrorCode_UnexpectedError,
			Reason: "old password not correct for " + req.GetUsername() + ": not authenticated"}, nil
	}
	s.password[req.GetUsername()] = string(newPw)
	s.mu.Unlock()
	err := s.lostReply("UpdateCredential")
	s.mu.Lock()
	return &commonpb.Status{}, err
}

func startFaultServer(t *testing.T, failures map[string]int) (*faultServer, string) {
	t.Helper()
	fs := &faultServer{failures: failures, lost: map[string]int{}, calls: map[string]int{},
		password: map[string]string{"root": "Milvus", "bob": "bob_pw_1"}}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	milvuspb.RegisterMilvusServiceServer(srv, fs)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return fs, lis.Addr().String()
}

func connectTo(t *testing.T, addr string, retries int) *Client {
	t.Helper()
	c, err := Connect(context.Background(), Config{Address: addr, Credentials: Credentials{Username: "root", Password: "Milvus"},
		Timeout: 5 * time.Second, MaxRetries: retries, RetryDelay: 10 * time.Millisecond})
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { _ = c.Close(context.Background()) })
	return c
}

func TestClient_retriesOnlyWhileUnavailable(t *testing.T) {
	fs, addr := startFaultServer(t, map[string]int{"SelectUser": 2})
	c := connectTo(t, addr, 1)
	if _, err := c.DescribeUser(context.Background(), "bob"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("with one retry the call should still fail as unavailable, got %v", err)
	}
	if got := fs.calls["SelectUser"]; got != 2 {
		t.Fatalf("SelectUser was called %d times, want 2 (one try, one retry)", got)
	}
	user, err := c.DescribeUser(context.Background(), "bob")
	if err != nil || user.Name != "bob" || user.Roles[0] != "admin" {
		t.Fatalf("after the outage: %+v, %v (roles must be sorted)", user, err)
	}
}

func TestClient_doesNotRetryOtherErrors(t *testing.T) {
	fs, addr := startFaultServer(t, nil)
	c := connectTo(t, addr, 3)
	err := c.UpdatePassword(context.Background(), "bob", "wrong_pw", "new_pw_1")
	if !errors.Is(err, ErrWrongOldPassword) {
		t.Fatalf("got %v, want ErrWrongOldPassword", err)
	}
	if fs.calls["UpdateCredential"] != 1 {
		t.Fatalf("a refused password was sent %d times", fs.calls["UpdateCredential"])
	}
}

func TestClient_checkPasswordUsesThatUsersCredentials(t *testing.T) {
	fs, addr := startFaultServer(t, nil)
	c := connectTo(t, addr, 0)
	ok, err := c.CheckPassword(context.Background(), "bob", "bob_pw_1")
	if err != nil || !ok {
		t.Fatalf("right password: %v, %v", ok, err)
	}
	ok, err = c.CheckPassword(context.Background(), "bob", "nope_nope")
	if err != nil || ok {
		t.Fatalf("wrong password: %v, %v", ok, err)
	}
	// The provider's own calls still go out as root.
	if _, err := c.ListUsers(context.Background()); err != nil {
		t.Fatal(err)
	}
	last := fs.callers[len(fs.callers)-1]
	if last != "root:Milvus" {
		t.Fatalf("the provider's call went out as %q", last)
	}
}

func TestClient_followsItsOwnRotation(t *testing.T) {
	_, addr := startFaultServer(t, nil)
	c := connectTo(t, addr, 0)
	if err := c.UpdatePassword(context.Background(), "root", "Milvus", "Rotated_1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListUsers(context.Background()); err != nil {
		t.Fatalf("the provider lost its login after rotating its own password: %v", err)
	}
	if err := c.UpdatePassword(context.Background(), "bob", "bob_pw_1", "bob_pw_2"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListUsers(context.Background()); err != nil {
		t.Fatalf("rotating another user changed the provider's login: %v", err)
	}
}

func TestClient_authorizationEnabledProbe(t *testing.T) {
	_, addr := startFaultServer(t, nil)
	c := connectTo(t, addr, 0)
	enabled, err := c.AuthorizationEnabled(context.Background())
	if err != nil || !enabled {
		t.Fatalf("a server that refuses unknown users has authorization on: %v, %v", enabled, err)
	}
}

func TestConnect_unreachableFailsWithinTimeout(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	_ = lis.Close() // nothing listens here now
	start := time.Now()
	_, err = Connect(context.Background(), Config{Address: addr, Timeout: 1500 * time.Millisecond})
	elapsed := time.Since(start)
	var e *Error
	if !errors.As(err, &e) || e.Kind != ErrUnavailable {
		t.Fatalf("got %v, want ErrUnavailable", err)
	}
	if elapsed > 3*time.Second {
		t.Fatalf("took %s with a 1.5s timeout", elapsed)
	}
	for _, want := range []string{addr, "1.5s", "connection refused"} {
		if !strings.Contains(e.Error(), want) {
			t.Errorf("error %q does not mention %q", e.Error(), want)
		}
	}
}

// A create whose answer is lost is not sent again: the user exists and logs
// in with the password, so the create succeeded.
func TestClient_createAfterLostReplyIsNotRepeated(t *testing.T) {
	fs, addr := startFaultServer(t, nil)
	fs.lost["CreateCredential"] = 1
	c := connectTo(t, addr, 3)
	created, err := c.CreateUser(context.Background(), "carol", "carol_pw_1")
	if err != nil || created != CreatedAfterLostReply {
		t.Fatalf("got %v, %v; want CreatedAfterLostReply", created, err)
	}
	if n := fs.calls["CreateCredential"]; n != 1 {
		t.Fatalf("CreateCredential sent %d times, want 1", n)
	}
}

// A create that never reached Milvus is sent again once Milvus says the
// user is not there.
func TestClient_createThatNeverLandedIsSentAgain(t *testing.T) {
	fs, addr := startFaultServer(t, map[string]int{"CreateCredential": 1})
	c := connectTo(t, addr, 3)
	if _, err := c.CreateUser(context.Background(), "dave", "dave_pw_1"); err != nil {
		t.Fatal(err)
	}
	if n := fs.calls["CreateCredential"]; n != 2 {
		t.Fatalf("CreateCredential sent %d times, want 2", n)
	}
	if ok, err := c.CheckPassword(context.Background(), "dave", "dave_pw_1"); !ok || err != nil {
		t.Fatalf("dave does not log in: %v, %v", ok, err)
	}
}

// An existing user is taken over only when it logs in with the password.
func TestClient_existingUserIsFoundOnlyWithItsPassword(t *testing.T) {
	fs, addr := startFaultServer(t, nil)
	c := connectTo(t, addr, 3)
	created, err := c.CreateUser(context.Background(), "bob", "bob_pw_1")
	if err != nil || created != FoundExisting {
		t.Fatalf("same password: %v, %v; want FoundExisting", created, err)
	}
	if _, err := c.CreateUser(context.Background(), "bob", "other_pw_1"); !errors.Is(err, ErrAlreadyExists) {
		t.Fatalf("another password: %v, want ErrAlreadyExists", err)
	}
	if fs.password["bob"] != "bob_pw_1" {
		t.Fatal("the existing user's password changed")
	}
}

// A password change whose answer is lost is not sent again with the old
// password (which no longer works): the new one logs in, so it happened.
func TestClient_passwordChangeAfterLostReply(t *testing.T) {
	fs, addr := startFaultServer(t, nil)
	fs.lost["UpdateCredential"] = 1
	c := connectTo(t, addr, 3)
	if err := c.UpdatePassword(context.Background(), "bob", "bob_pw_1", "bob_pw_2"); err != nil {
		t.Fatal(err)
	}
	if n := fs.calls["UpdateCredential"]; n != 1 {
		t.Fatalf("UpdateCredential sent %d times, want 1", n)
	}
}

// Many reads of users share one listing until a write.
func TestClient_lookupsShareOneListingUntilAWrite(t *testing.T) {
	fs, addr := startFaultServer(t, nil)
	c := connectTo(t, addr, 0)
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.LookupUser(ctx, "bob"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := fs.calls["SelectUser"]; n != 1 {
		t.Fatalf("20 lookups sent SelectUser %d times, want 1", n)
	}
	if _, err := c.LookupUser(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a missing user: %v", err)
	}
	if _, err := c.CreateUser(ctx, "erin", "erin_pw_1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.LookupUser(ctx, "erin"); err != nil {
		t.Fatalf("the listing missed the process's own create: %v", err)
	}
	if n := fs.calls["SelectUser"]; n != 2 {
		t.Fatalf("SelectUser sent %d times in all, want 2", n)
	}
}
