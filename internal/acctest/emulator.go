// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"encoding/base64"
	"net"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Emulator answers the RPCs the provider sends the way a given Milvus 2.4
// to 3.0 release does: its replies are written from that release's source
// (emulated, never recorded from a running server). It exists because only
// Milvus 2.3 runs here: behaviour that only newer releases have is proven
// against it, and said so; everything else is proven on the real server.
type Emulator struct {
	milvuspb.UnimplementedMilvusServiceServer
	Address string
	version milvus.Version

	mu      sync.Mutex
	roles   map[string]bool
	grants  map[string][]milvus.Grant // by role
	groups  map[string]map[string]bool
	calls   map[string]int
	failing map[string]*commonpb.Status
	forced  []bool // force_drop of each DropRole, in order

	databases    map[string]*emulatedDatabase
	maxDatabases int // rootCoord.maxDatabaseNum

	users            map[string]*emulatedUser
	roleDescriptions map[string]string
	aliases          map[string]map[string]string // by database: alias → collection
}

// FailNext makes the next call of method answer with st, as a server that is
// not ready (code 1) would.
func (s *Emulator) FailNext(method string, st *commonpb.Status) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failing[method] = st
}

// StartEmulator serves the replies of version (e.g. "v2.5.4") on a free
// loopback port, with the user root/Milvus, until the test ends.
func StartEmulator(t *testing.T, version string) *Emulator {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Emulator{Address: lis.Addr().String(), version: milvus.ParseVersion(version),
		roles: map[string]bool{"admin": true, "public": true}, grants: map[string][]milvus.Grant{},
		groups: map[string]map[string]bool{}, calls: map[string]int{}, failing: map[string]*commonpb.Status{},
		databases: map[string]*emulatedDatabase{"default": {properties: map[string]string{}}}, maxDatabases: 64,
		users:            map[string]*emulatedUser{"root": {password: "Milvus", roles: map[string]bool{}}},
		roleDescriptions: map[string]string{}, aliases: map[string]map[string]string{}}
	srv := grpc.NewServer(grpc.UnaryInterceptor(s.authenticate))
	milvuspb.RegisterMilvusServiceServer(srv, s)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return s
}

// Calls counts the calls of one method.
func (s *Emulator) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// DropRoleForced returns the force_drop flag of each DropRole request so far.
func (s *Emulator) DropRoleForced() []bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]bool(nil), s.forced...)
}

// GroupMembers returns a custom group's members, sorted, and whether it exists.
func (s *Emulator) GroupMembers(name string) ([]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.groups[name]
	var members []string
	for p := range g {
		members = append(members, p)
	}
	sort.Strings(members)
	return members, ok
}

func (s *Emulator) since(v string) bool { return s.version.AtLeast(milvus.ParseVersion(v)) }

// authenticate is Milvus's interceptor: a user's password (root's is
// Milvus); methods the version lacks answer Unimplemented before it, as
// grpc-go does.
func (s *Emulator) authenticate(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	method := info.FullMethod[strings.LastIndex(info.FullMethod, "/")+1:]
	s.mu.Lock()
	s.calls[method]++
	s.mu.Unlock()
	if missing := (strings.Contains(method, "PrivilegeGroup") && !s.since("2.4.16")) ||
		(method == "OperatePrivilegeV2" && !s.since("2.4.18")) ||
		(method == "AlterDatabase" && !s.since("2.4.1")) || (method == "DescribeDatabase" && !s.since("2.4.2")) ||
		(method == "AlterRole" && !s.since("2.6.19")); missing {
		return nil, status.Errorf(codes.Unimplemented, "unknown method %s for service milvus.proto.milvus.MilvusService", method)
	}
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing authorization in header")
	}
	raw, _ := base64.StdEncoding.DecodeString(md["authorization"][0])
	user, password, _ := strings.Cut(string(raw), ":")
	s.mu.Lock()
	u, ok := s.users[user]
	s.mu.Unlock()
	if !ok || u.password != password {
		return nil, status.Error(codes.Unauthenticated, "auth check failure, please check username and password are correct")
	}
	return handler(ctx, req)
}

var okStatus = &commonpb.Status{}

// fail builds a Status for a refused input as the version does: code 65535
// until 2.6.19, which reports code 1100 and ": invalid parameter".
func (s *Emulator) fail(ec commonpb.ErrorCode, reason string) *commonpb.Status {
	if s.since("2.6.19") {
		return &commonpb.Status{Code: 1100, ErrorCode: ec, Reason: reason + ": invalid parameter"}
	}
	return &commonpb.Status{Code: 65535, ErrorCode: ec, Reason: reason}
}

func (s *Emulator) Connect(context.Context, *milvuspb.ConnectRequest) (*milvuspb.ConnectResponse, error) {
	return &milvuspb.ConnectResponse{Status: okStatus}, nil
}

func (s *Emulator) GetVersion(context.Context, *milvuspb.GetVersionRequest) (*milvuspb.GetVersionResponse, error) {
	return &milvuspb.GetVersionResponse{Status: okStatus, Version: s.version.String()}, nil
}

// Vars points the shared provider block at the emulator, with the test's
// own variables after.
func (s *Emulator) Vars(t *testing.T, pairs ...any) config.Variables {
	secret := NewSecretFile(t, "Milvus")
	return Vars(append([]any{"address", s.Address, "provider_username", "root",
		"provider_password_file", secret.Path, "timeout", "5s"}, pairs...)...)
}
