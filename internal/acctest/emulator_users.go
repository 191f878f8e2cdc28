// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"encoding/base64"
	"fmt"
	"sort"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
)

// The user RPCs of the emulator, with descriptions (2.6.19+) and the empty
// ("ghost") role names 2.6.18 and older list after repeated grants and
// revokes (#50544).

type emulatedUser struct {
	password, description string
	roles                 map[string]bool
	ghost                 bool
}

// AddGhostRole makes SelectUser list an empty role name for the user, as
// Milvus 2.6.18 and older do after repeated grants and revokes.
func (s *Emulator) AddGhostRole(user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[user].ghost = true
}

// UserDescription returns a user's description.
func (s *Emulator) UserDescription(user string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users[user].description
}

// RoleDescription returns a role's description.
func (s *Emulator) RoleDescription(role string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.roleDescriptions[role]
}

// SetDescriptionsOutside changes a user's and a role's descriptions behind
// Terraform's back ("" leaves one alone).
func (s *Emulator) SetDescriptionsOutside(user, userDescription, role, roleDescription string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if user != "" {
		s.users[user].description = userDescription
	}
	if role != "" {
		s.roleDescriptions[role] = roleDescription
	}
}

func decoded(b64 string) string {
	raw, _ := base64.StdEncoding.DecodeString(b64)
	return string(raw)
}

func (s *Emulator) CreateCredential(_ context.Context, req *milvuspb.CreateCredentialRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[req.GetUsername()]; ok {
		return s.fail(commonpb.ErrorCode_CreateCredentialFailure, "user already exists: "+req.GetUsername()), nil
	}
	u := &emulatedUser{password: decoded(req.GetPassword()), roles: map[string]bool{}}
	if s.since("2.6.19") {
		u.description = req.GetDescription() // older servers drop the unknown field
	}
	s.users[req.GetUsername()] = u
	return okStatus, nil
}

// UpdateCredential changes a password (root, a super user, needs no old
// one) or, from 2.6.19, only the description when no password is sent.
func (s *Emulator) UpdateCredential(_ context.Context, req *milvuspb.UpdateCredentialRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[req.GetUsername()]
	if !ok {
		return s.fail(commonpb.ErrorCode_UpdateCredentialFailure, "failed to check if update credential: user not found"), nil
	}
	if req.GetNewPassword() == "" {
		if !s.since("2.6.19") || req.Description == nil {
			return s.fail(commonpb.ErrorCode_UpdateCredentialFailure, "must update either password or description"), nil
		}
		u.description = req.GetDescription()
		return okStatus, nil
	}
	u.password = decoded(req.GetNewPassword())
	if s.since("2.6.19") && req.Description != nil {
		u.description = req.GetDescription()
	}
	return okStatus, nil
}

func (s *Emulator) DeleteCredential(_ context.Context, req *milvuspb.DeleteCredentialRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.users, req.GetUsername())
	return okStatus, nil
}

func (s *Emulator) ListCredUsers(context.Context, *milvuspb.ListCredUsersRequest) (*milvuspb.ListCredUsersResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := &milvuspb.ListCredUsersResponse{Status: okStatus}
	for name := range s.users {
		resp.Usernames = append(resp.Usernames, name)
	}
	sort.Strings(resp.Usernames)
	return resp, nil
}

func (s *Emulator) SelectUser(_ context.Context, req *milvuspb.SelectUserRequest) (*milvuspb.SelectUserResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := &milvuspb.SelectUserResponse{Status: okStatus}
	for name, u := range s.users {
		if req.GetUser() != nil && req.GetUser().GetName() != name {
			continue
		}
		result := &milvuspb.UserResult{User: &milvuspb.UserEntity{Name: name}}
		if req.GetIncludeRoleInfo() {
			for role := range u.roles {
				result.Roles = append(result.Roles, &milvuspb.RoleEntity{Name: role})
			}
			if u.ghost && !s.since("2.6.19") {
				result.Roles = append(result.Roles, &milvuspb.RoleEntity{Name: ""})
			}
		}
		if s.since("2.6.19") {
			result.Description = u.description
		}
		resp.Results = append(resp.Results, result)
	}
	return resp, nil
}

func (s *Emulator) OperateUserRole(_ context.Context, req *milvuspb.OperateUserRoleRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[req.GetUsername()]
	switch {
	case !ok:
		return s.fail(commonpb.ErrorCode_OperateUserRoleFailure, fmt.Sprintf("not found the user, maybe the user isn't existed or internal system error[user=%s]", req.GetUsername())), nil
	case !s.roles[req.GetRoleName()]:
		return s.fail(commonpb.ErrorCode_OperateUserRoleFailure, "not found the role, maybe the role isn't existed or internal system error"), nil
	case req.GetType() == milvuspb.OperateUserRoleType_AddUserToRole:
		u.roles[req.GetRoleName()] = true
	default:
		delete(u.roles, req.GetRoleName())
	}
	return okStatus, nil
}

// AlterRole sets a role's description (2.6.19+).
func (s *Emulator) AlterRole(_ context.Context, req *milvuspb.AlterRoleRequest) (*commonpb.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch name := req.GetRoleName(); {
	case name == "admin" || name == "public":
		return &commonpb.Status{Code: 1401, ErrorCode: commonpb.ErrorCode_UnexpectedError,
			Reason: fmt.Sprintf("the role[%s] is a default role, which can't be altered: privilege not permitted", name)}, nil
	case !s.roles[name]:
		return s.fail(commonpb.ErrorCode_UnexpectedError, "failed to check if alter role: role not exists"), nil
	}
	s.roleDescriptions[req.GetRoleName()] = req.GetDescription()
	return okStatus, nil
}

// CheckPassword fails unless the user has password.
func (s *Emulator) CheckPassword(user, password string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[user]; !ok || u.password != password {
		return fmt.Errorf("user %s does not have the password", user)
	}
	return nil
}
