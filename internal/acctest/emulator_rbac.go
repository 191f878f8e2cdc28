// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// The role, binding and grant RPCs of the emulator.

func (s *Emulator) CreateRole(_ context.Context, req *milvuspb.CreateRoleRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name := req.GetEntity().GetName()
	if s.roles[name] {
		return s.fail(commonpb.ErrorCode_CreateRoleFailure, fmt.Sprintf("role [name:%q] already exists", name)), nil
	}
	s.roles[name] = true
	if s.since("2.6.19") {
		s.roleDescriptions[name] = req.GetEntity().GetDescription()
	}
	return okStatus, nil
}

func (s *Emulator) SelectRole(_ context.Context, req *milvuspb.SelectRoleRequest) (*milvuspb.SelectRoleResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := &milvuspb.SelectRoleResponse{Status: okStatus}
	for name := range s.roles {
		if req.GetRole() != nil && req.GetRole().GetName() != name {
			continue
		}
		result := &milvuspb.RoleResult{Role: &milvuspb.RoleEntity{Name: name}}
		if s.since("2.6.19") {
			result.Role.Description = s.roleDescriptions[name]
		}
		if req.GetIncludeUserInfo() {
			for user, u := range s.users {
				if u.roles[name] {
					result.Users = append(result.Users, &milvuspb.UserEntity{Name: user})
				}
			}
		}
		resp.Results = append(resp.Results, result)
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
	for _, u := range s.users {
		delete(u.roles, req.GetRoleName())
	}
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

// relatedPrivileges are the rows the proxy grants and revokes beside a
// privilege (util.RelatedPrivileges, 2.3.6 and later).
var relatedPrivileges = map[string][]string{"Load": {"GetLoadState", "GetLoadingProgress"}, "Flush": {"GetFlushState"}}

func (s *Emulator) operate(g milvus.Grant, grant bool) *commonpb.Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.roles[g.Role] {
		return s.fail(commonpb.ErrorCode_OperatePrivilegeFailure, "not found the role, maybe the role isn't existed or internal system error")
	}
	if g.ObjectName != "*" {
		g.ObjectName = s.resolve(g.DBName, g.ObjectName)
	}
	all := []milvus.Grant{g}
	if s.since("2.3.6") {
		for _, p := range relatedPrivileges[g.Privilege] {
			companion := g
			companion.Privilege = p
			all = append(all, companion)
		}
	}
	for _, g := range all {
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
	}
	return okStatus
}

// Grants returns a role's rows, as the server stores them.
func (s *Emulator) Grants(role string) []milvus.Grant {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]milvus.Grant(nil), s.grants[role]...)
	milvus.SortGrants(out)
	return out
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
		if e.GetObject() != nil && (g.ObjectType != e.GetObject().GetName() || g.ObjectName != s.resolve(e.GetDbName(), e.GetObjectName())) {
			continue
		}
		resp.Entities = append(resp.Entities, &milvuspb.GrantEntity{Role: &milvuspb.RoleEntity{Name: role},
			Object: &milvuspb.ObjectEntity{Name: g.ObjectType}, ObjectName: g.ObjectName, DbName: g.DBName,
			Grantor: &milvuspb.GrantorEntity{User: &milvuspb.UserEntity{Name: "root"}, Privilege: &milvuspb.PrivilegeEntity{Name: g.Privilege}}})
	}
	return resp, nil
}

// GrantOutside creates the role unless it exists and grants it g behind
// Terraform's back.
func (s *Emulator) GrantOutside(g milvus.Grant) {
	s.mu.Lock()
	s.roles[g.Role] = true
	s.mu.Unlock()
	s.operate(g, true)
}

// CreateRoleOutside creates a role behind Terraform's back.
func (s *Emulator) CreateRoleOutside(role string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.roles[role] = true
}
