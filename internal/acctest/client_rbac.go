// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"sort"

	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
)

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
