// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// The privilege-group RPCs of the emulator (2.4.16+).

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
// order, then (2.4.18+) the nine built-in groups with their default
// members in that version.
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
			members, _ := milvus.BuiltInGroupMembers(name, s.version)
			var entities []*milvuspb.PrivilegeEntity
			for _, p := range members {
				entities = append(entities, &milvuspb.PrivilegeEntity{Name: p})
			}
			resp.PrivilegeGroups = append(resp.PrivilegeGroups, &milvuspb.PrivilegeGroupInfo{GroupName: name, Privileges: entities})
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
		return string(p.LevelIn(s.version))
	}
	return p.Object
}

// CreateGroupOutside creates a custom group behind Terraform's back.
func (s *Emulator) CreateGroupOutside(name string, privileges ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.groups[name] = map[string]bool{}
	for _, p := range privileges {
		s.groups[name][p] = true
	}
}
