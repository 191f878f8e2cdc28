// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"encoding/base64"
	"fmt"
	"math/rand"
	"net"
	"sort"
	"strings"
	"sync"
	"testing"

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
		groups: map[string]map[string]bool{}, calls: map[string]int{}, failing: map[string]*commonpb.Status{}}
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

// authenticate is Milvus's interceptor: root/Milvus only; methods the
// version lacks answer Unimplemented before it, as grpc-go does.
func (s *Emulator) authenticate(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	method := info.FullMethod[strings.LastIndex(info.FullMethod, "/")+1:]
	s.mu.Lock()
	s.calls[method]++
	s.mu.Unlock()
	if missing := (strings.Contains(method, "PrivilegeGroup") && !s.since("2.4.16")) ||
		(method == "OperatePrivilegeV2" && !s.since("2.4.18")); missing {
		return nil, status.Errorf(codes.Unimplemented, "unknown method %s for service milvus.proto.milvus.MilvusService", method)
	}
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing authorization in header")
	}
	raw, _ := base64.StdEncoding.DecodeString(md["authorization"][0])
	if string(raw) != "root:Milvus" {
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

func (s *Emulator) SelectUser(context.Context, *milvuspb.SelectUserRequest) (*milvuspb.SelectUserResponse, error) {
	return &milvuspb.SelectUserResponse{Status: okStatus, Results: []*milvuspb.UserResult{{User: &milvuspb.UserEntity{Name: "root"}}}}, nil
}

func (s *Emulator) CreateRole(_ context.Context, req *milvuspb.CreateRoleRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name := req.GetEntity().GetName()
	if s.roles[name] {
		return s.fail(commonpb.ErrorCode_CreateRoleFailure, fmt.Sprintf("role [name:%q] already exists", name)), nil
	}
	s.roles[name] = true
	return okStatus, nil
}

func (s *Emulator) SelectRole(_ context.Context, req *milvuspb.SelectRoleRequest) (*milvuspb.SelectRoleResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := &milvuspb.SelectRoleResponse{Status: okStatus}
	for name := range s.roles {
		if req.GetRole() == nil || req.GetRole().GetName() == name {
			resp.Results = append(resp.Results, &milvuspb.RoleResult{Role: &milvuspb.RoleEntity{Name: name}})
		}
	}
	return resp, nil
}

func (s *Emulator) DropRole(_ context.Context, req *milvuspb.DropRoleRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forced = append(s.forced, req.GetForceDrop())
	if !s.roles[req.GetRoleName()] {
		return s.fail(commonpb.ErrorCode_DropRoleFailure, "not found the role, maybe the role isn't existed or internal system error"), nil
	}
	if len(s.grants[req.GetRoleName()]) > 0 && !req.GetForceDrop() {
		return s.fail(commonpb.ErrorCode_DropRoleFailure, "fail to drop the role that it has privileges. Use REVOKE API to revoke privileges"), nil
	}
	delete(s.roles, req.GetRoleName())
	delete(s.grants, req.GetRoleName())
	return okStatus, nil
}

// OperatePrivilege is the classic call: 2.4.18+ refuses groups through it.
func (s *Emulator) OperatePrivilege(_ context.Context, req *milvuspb.OperatePrivilegeRequest) (*commonpb.Status, error) {
	e := req.GetEntity()
	name := e.GetGrantor().GetPrivilege().GetName()
	s.mu.Lock()
	_, custom := s.groups[name]
	s.mu.Unlock()
	if _, builtIn := milvus.LookupBuiltInGroup(name); builtIn {
		return s.fail(commonpb.ErrorCode_OperatePrivilegeFailure, fmt.Sprintf("can not operate the built-in privilege group [%s]", name)), nil
	}
	if custom {
		return s.fail(commonpb.ErrorCode_OperatePrivilegeFailure, fmt.Sprintf("can not operate the custom privilege group [%s]", name)), nil
	}
	g := milvus.Grant{Role: e.GetRole().GetName(), ObjectType: e.GetObject().GetName(), ObjectName: e.GetObjectName(), DBName: e.GetDbName(), Privilege: name}
	return s.operate(g, req.GetType() == milvuspb.OperatePrivilegeType_Grant), nil
}

// OperatePrivilegeV2 (2.4.18+) stores groups as Global rows.
func (s *Emulator) OperatePrivilegeV2(_ context.Context, req *milvuspb.OperatePrivilegeV2Request) (*commonpb.Status, error) {
	name := req.GetGrantor().GetPrivilege().GetName()
	s.mu.Lock()
	_, custom := s.groups[name]
	s.mu.Unlock()
	if _, builtIn := milvus.LookupBuiltInGroup(name); !builtIn && !custom && !milvus.GrantedByClassicCall(name) {
		return s.fail(commonpb.ErrorCode_OperatePrivilegeFailure, fmt.Sprintf("not found the privilege name[%s]", name)), nil
	}
	g := milvus.Grant{Role: req.GetRole().GetName(), ObjectType: milvus.ObjectTypeOf(name), ObjectName: req.GetCollectionName(),
		DBName: req.GetDbName(), Privilege: name}
	return s.operate(g, req.GetType() == milvuspb.OperatePrivilegeType_Grant), nil
}

func (s *Emulator) operate(g milvus.Grant, grant bool) *commonpb.Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.roles[g.Role] {
		return s.fail(commonpb.ErrorCode_OperatePrivilegeFailure, "not found the role, maybe the role isn't existed or internal system error")
	}
	rows := s.grants[g.Role][:0:0]
	for _, r := range s.grants[g.Role] {
		if r != g {
			rows = append(rows, r)
		}
	}
	if grant {
		rows = append(rows, g) // granting twice succeeds, revoking a missing grant too
	}
	s.grants[g.Role] = rows
	return okStatus
}

// SelectGrant lists a role's rows in one database, or every database for
// "*" (2.4.1+).
func (s *Emulator) SelectGrant(_ context.Context, req *milvuspb.SelectGrantRequest) (*milvuspb.SelectGrantResponse, error) {
	e := req.GetEntity()
	role := e.GetRole().GetName()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.roles[role] {
		return &milvuspb.SelectGrantResponse{Status: s.fail(commonpb.ErrorCode_SelectGrantFailure,
			"not found the role, maybe the role isn't existed or internal system error")}, nil
	}
	resp := &milvuspb.SelectGrantResponse{Status: okStatus}
	for _, g := range s.grants[role] {
		if e.GetDbName() != "*" && g.DBName != e.GetDbName() && g.DBName != "*" {
			continue
		}
		if e.GetObject() != nil && (g.ObjectType != e.GetObject().GetName() || g.ObjectName != e.GetObjectName()) {
			continue
		}
		resp.Entities = append(resp.Entities, &milvuspb.GrantEntity{Role: &milvuspb.RoleEntity{Name: role},
			Object: &milvuspb.ObjectEntity{Name: g.ObjectType}, ObjectName: g.ObjectName, DbName: g.DBName,
			Grantor: &milvuspb.GrantorEntity{User: &milvuspb.UserEntity{Name: "root"}, Privilege: &milvuspb.PrivilegeEntity{Name: g.Privilege}}})
	}
	return resp, nil
}

func (s *Emulator) CreatePrivilegeGroup(_ context.Context, req *milvuspb.CreatePrivilegeGroupRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name := req.GetGroupName()
	switch {
	case milvus.DefinedName(name):
		return &commonpb.Status{Code: 1100, ErrorCode: commonpb.ErrorCode_CreatePrivilegeGroupFailure,
			Reason: fmt.Sprintf("privilege group name [%s] is defined by built in privileges or privilege groups in system: invalid parameter", name)}, nil
	case s.groups[name] != nil:
		reason := fmt.Sprintf("privilege group name [%s] is defined by users: invalid parameter", name)
		if s.since("2.6.6") {
			reason = "failed to check if privilege group creatable: " + reason
		}
		return &commonpb.Status{Code: 1100, ErrorCode: commonpb.ErrorCode_CreatePrivilegeGroupFailure, Reason: reason}, nil
	}
	s.groups[name] = map[string]bool{}
	return okStatus, nil
}

// DropPrivilegeGroup: a missing group is success; one a role uses is refused.
func (s *Emulator) DropPrivilegeGroup(_ context.Context, req *milvuspb.DropPrivilegeGroupRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name := req.GetGroupName()
	var users []string
	for role, rows := range s.grants {
		for _, g := range rows {
			if g.Privilege == name {
				users = append(users, role)
			}
		}
	}
	if len(users) > 0 {
		sort.Strings(users)
		return s.fail(commonpb.ErrorCode_DropPrivilegeGroupFailure,
			fmt.Sprintf("privilege group [%s] is used by role [%s], Use REVOKE API to revoke it first", name, users[0])), nil
	}
	delete(s.groups, name)
	return okStatus, nil
}

// ListPrivilegeGroups: custom groups sorted by name, members in random
// order, then (2.4.18+) the nine built-in groups.
func (s *Emulator) ListPrivilegeGroups(context.Context, *milvuspb.ListPrivilegeGroupsRequest) (*milvuspb.ListPrivilegeGroupsResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st := s.failing["ListPrivilegeGroups"]; st != nil {
		delete(s.failing, "ListPrivilegeGroups")
		return &milvuspb.ListPrivilegeGroupsResponse{Status: st}, nil
	}
	resp := &milvuspb.ListPrivilegeGroupsResponse{Status: okStatus}
	var names []string
	for name := range s.groups {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var members []*milvuspb.PrivilegeEntity
		for p := range s.groups[name] {
			members = append(members, &milvuspb.PrivilegeEntity{Name: p})
		}
		rand.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
		resp.PrivilegeGroups = append(resp.PrivilegeGroups, &milvuspb.PrivilegeGroupInfo{GroupName: name, Privileges: members})
	}
	if s.since("2.4.18") {
		for _, name := range []string{"ClusterReadOnly", "ClusterReadWrite", "ClusterAdmin", "DatabaseReadOnly",
			"DatabaseReadWrite", "DatabaseAdmin", "CollectionReadOnly", "CollectionReadWrite", "CollectionAdmin"} {
			resp.PrivilegeGroups = append(resp.PrivilegeGroups, &milvuspb.PrivilegeGroupInfo{GroupName: name,
				Privileges: []*milvuspb.PrivilegeEntity{{Name: "Query"}}})
		}
	}
	return resp, nil
}

// OperatePrivilegeGroup adds or removes members with set semantics, and
// checks them the way the version does.
func (s *Emulator) OperatePrivilegeGroup(_ context.Context, req *milvuspb.OperatePrivilegeGroupRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name, ec := req.GetGroupName(), commonpb.ErrorCode_OperatePrivilegeGroupFailure
	group := s.groups[name]
	switch {
	case group == nil && s.since("2.6.6"):
		return &commonpb.Status{Code: 1100, ErrorCode: ec, Reason: fmt.Sprintf("there is no privilege group name [%s] defined in system to operate: invalid parameter", name)}, nil
	case group == nil:
		return &commonpb.Status{Code: 1100, ErrorCode: ec, Reason: fmt.Sprintf("there is no privilege group name [%s] to operate: invalid parameter", name)}, nil
	case len(req.GetPrivileges()) == 0 && s.since("2.6.6"):
		return &commonpb.Status{Code: 1100, ErrorCode: ec, Reason: "privileges is empty when alter the privilege group: invalid parameter"}, nil
	}
	kinds := map[string]bool{}
	for p := range group {
		kinds[s.kind(p)] = true
	}
	for _, p := range req.GetPrivileges() {
		if _, known := milvus.LookupPrivilege(p.GetName()); !known {
			return &commonpb.Status{Code: 1100, ErrorCode: ec, Reason: fmt.Sprintf(
				"there is no privilege name or privilege group name [%s] defined in system to operate: invalid parameter", p.GetName())}, nil
		}
		kinds[s.kind(p.GetName())] = true
	}
	add := req.GetType() == milvuspb.OperatePrivilegeGroupType_AddPrivilegesToGroup
	if add && len(kinds) > 1 && s.since("2.4.18") {
		if s.since("2.5.4") || (s.version.Minor == 4 && s.since("2.4.21")) {
			return s.fail(ec, "privileges are not the same privilege level"), nil
		}
		return s.fail(ec, "privileges are not the same object type"), nil
	}
	for _, p := range req.GetPrivileges() {
		if add {
			group[p.GetName()] = true
		} else {
			delete(group, p.GetName())
		}
	}
	return okStatus, nil
}

// kind is what the version wants a group's members to share.
func (s *Emulator) kind(privilege string) string {
	p, _ := milvus.LookupPrivilege(privilege)
	if s.since("2.5.4") || (s.version.Minor == 4 && s.since("2.4.21")) {
		return string(p.Level)
	}
	return p.Object
}
