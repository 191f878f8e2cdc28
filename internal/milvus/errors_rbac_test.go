// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"errors"
	"os"
	"testing"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus/pkg/v2/util/merr"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Replies of the role, binding, grant and privilege-group RPCs as each
// Milvus version sends them (internal/rootcoord/root_coord.go and
// internal/proxy/impl.go of each release; error_code is the
// deprecated enum, which client/v2 reads only when code is 0). Only the 2.3
// replies are also seen live, in the acceptance tests: the others are
// written here from the server source of each version (emulated, not
// recorded from a running server).
func TestClassify_rbacRepliesOfEveryVersion(t *testing.T) {
	reply := func(code int32, ec commonpb.ErrorCode, reason string) error {
		return merr.CheckRPCCall(&commonpb.Status{Code: code, ErrorCode: ec, Reason: reason}, nil)
	}
	const (
		ecCreateRole  = commonpb.ErrorCode_CreateRoleFailure
		ecDropRole    = commonpb.ErrorCode_DropRoleFailure
		ecUserRole    = commonpb.ErrorCode_OperateUserRoleFailure
		ecPrivilege   = commonpb.ErrorCode_OperatePrivilegeFailure
		ecSelectGrant = commonpb.ErrorCode_SelectGrantFailure
		ecCreateGroup = commonpb.ErrorCode_CreatePrivilegeGroupFailure
		ecDropGroup   = commonpb.ErrorCode_DropPrivilegeGroupFailure
		ecAlterGroup  = commonpb.ErrorCode_OperatePrivilegeGroupFailure
	)
	cases := []struct {
		versions string
		op       operation
		err      error
		want     Kind
	}{
		// CreateRole, role exists.
		{"2.3-2.6.18", opCreateRole, reply(65535, ecCreateRole, `role [name:"r1"] already exists`), ErrAlreadyExists},
		{"2.6.19+", opCreateRole, reply(1100, ecCreateRole, `role [name:"r1"] already exists: invalid parameter`), ErrAlreadyExists},
		// CreateRole at the limit.
		{"2.3-2.6.5", opCreateRole, reply(65535, ecCreateRole, "unable to create role because the number of roles has reached the limit"), ErrLimitExceeded},
		{"2.6.6-2.6.18", opCreateRole, reply(65535, ecCreateRole, "failed to check if create role: unable to create role because the number of roles has reached the limit"), ErrLimitExceeded},
		{"2.6.19+", opCreateRole, reply(9, ecCreateRole, "unable to create role because the number of roles has reached the limit: quota exceeded"), ErrLimitExceeded},
		// DropRole, missing role.
		{"2.3-2.6.18", opDropRole, reply(65535, ecDropRole, "not found the role, maybe the role isn't existed or internal system error"), ErrNotFound},
		{"2.6.19+", opDropRole, reply(1100, ecDropRole, `the role "r1" does not exist: invalid parameter`), ErrNotFound},
		// DropRole of admin or public.
		{"all", opDropRole, reply(1401, ecDropRole, "the role[admin] is a default role, which can't be dropped: privilege not permitted"), ErrPermissionDenied},
		// DropRole with grants, without force.
		{"2.3-2.6.5", opDropRole, reply(65535, ecDropRole, "fail to drop the role that it has privileges. Use REVOKE API to revoke privileges"), ErrInUse},
		{"2.6.6-2.6.18", opDropRole, reply(65535, ecDropRole, "failed to check if drop role: fail to drop the role that it has privileges. Use REVOKE API to revoke privileges"), ErrInUse},
		{"2.6.19+", opDropRole, reply(1100, ecDropRole, "fail to drop the role that it has privileges. Use REVOKE API to revoke privileges: invalid parameter"), ErrInUse},
		// Binding a missing user.
		{"2.3-2.6.5", opBindRole, reply(65535, ecUserRole, "not found the user, maybe the user isn't existed or internal system error"), ErrNotFound},
		{"2.6.6-2.6.18", opBindRole, reply(65535, ecUserRole, "failed to check if operate user role: not found the user, maybe the user isn't existed or internal system error"), ErrNotFound},
		{"2.6.19+", opBindRole, reply(1100, ecUserRole, `user "u1" not found: invalid parameter`), ErrNotFound},
		// Binding to a missing role.
		{"2.3-2.6.18", opBindRole, reply(65535, ecUserRole, "not found the role, maybe the role isn't existed or internal system error"), ErrNotFound},
		{"2.6.19+", opBindRole, reply(1100, ecUserRole, `the role "r1" does not exist: invalid parameter`), ErrNotFound},
		// Granting to a missing role.
		{"2.3-2.6.5", opGrant, reply(65535, ecPrivilege, "not found the role, maybe the role isn't existed or internal system error"), ErrNotFound},
		{"2.6.6-2.6.18", opGrant, reply(65535, ecPrivilege, "failed to operate privilege common check: not found the role, maybe the role isn't existed or internal system error"), ErrNotFound},
		{"2.6.19+", opGrant, reply(1100, ecPrivilege, `the role "r1" does not exist: invalid parameter`), ErrNotFound},
		// An unknown privilege, or one of another object type.
		{"2.3", opGrant, reply(65535, ecPrivilege, "not found the privilege name[Inesrt]"), ErrInvalidArgument},
		{"2.4-2.6.18", opGrant, reply(65535, ecPrivilege, "not found the privilege name[All] in object[Collection]"), ErrInvalidArgument},
		{"2.6.19+", opGrant, reply(1100, ecPrivilege, "not found the privilege name[Inesrt] in object[Collection]: invalid parameter"), ErrInvalidArgument},
		// A group through the classic call.
		{"2.4.18+", opGrant, reply(65535, ecPrivilege, "can not operate the custom privilege group [g1]"), ErrInvalidArgument},
		{"2.4.18+", opGrant, reply(65535, ecPrivilege, "can not operate the built-in privilege group [ClusterAdmin]"), ErrInvalidArgument},
		// Listing the grants of a missing role.
		{"2.3-2.6.18", opListGrants, reply(65535, ecSelectGrant, "not found the role, maybe the role isn't existed or internal system error"), ErrNotFound},
		{"2.6.19+", opListGrants, reply(1100, ecSelectGrant, `the role "r1" does not exist: invalid parameter`), ErrNotFound},
		// Privilege groups (2.4.16+).
		{"2.4.16+", opCreateGroup, reply(1100, ecCreateGroup, "privilege group name [g1] is defined by users: invalid parameter"), ErrAlreadyExists},
		{"2.6.6+", opCreateGroup, reply(1100, ecCreateGroup, "failed to check if privilege group creatable: privilege group name [g1] is defined by users: invalid parameter"), ErrAlreadyExists},
		{"2.4.16+", opCreateGroup, reply(1100, ecCreateGroup, "privilege group name [Insert] is defined by built in privileges or privilege groups in system: invalid parameter"), ErrInvalidArgument},
		{"2.5+", opCreateGroup, reply(1402, ecCreateGroup, "the first character of a privilege group name must be an underscore or letter: invalid privilege group name"), ErrInvalidArgument},
		{"2.4.16-2.6.18", opDropGroup, reply(65535, ecDropGroup, "privilege group [g1] is used by role [r1], Use REVOKE API to revoke it first"), ErrInUse},
		{"2.6.19+", opDropGroup, reply(1100, ecDropGroup, "privilege group [g1] is used by role [r1], Use REVOKE API to revoke it first: invalid parameter"), ErrInUse},
		{"2.4.16-2.6.5", opAlterGroup, reply(1100, ecAlterGroup, "there is no privilege group name [g1] to operate: invalid parameter"), ErrNotFound},
		{"2.6.6+", opAlterGroup, reply(1100, ecAlterGroup, "there is no privilege group name [g1] defined in system to operate: invalid parameter"), ErrNotFound},
		{"2.4.16+", opAlterGroup, reply(1100, ecAlterGroup, "there is no privilege name or privilege group name [Inesrt] defined in system to operate: invalid parameter"), ErrInvalidArgument},
		{"2.4.18-2.4.20", opAlterGroup, reply(65535, ecAlterGroup, "privileges are not the same object type"), ErrInvalidArgument},
		{"2.4.21+", opAlterGroup, reply(65535, ecAlterGroup, "privileges are not the same privilege level"), ErrInvalidArgument},
		{"2.6.6+", opAlterGroup, reply(1100, ecAlterGroup, "privileges is empty when alter the privilege group: invalid parameter"), ErrInvalidArgument},
		{"2.4.16+", opAlterGroup, reply(1100, ecAlterGroup, "privilege group name [ClusterAdmin] is defined by built in privilege groups in system: invalid parameter"), ErrInvalidArgument},
	}
	for _, c := range cases {
		t.Run(c.versions+" "+c.err.Error(), func(t *testing.T) {
			if got := classify(c.op, "do it", c.err); !errors.Is(got, c.want) {
				t.Fatalf("classified as %v, want %s", got, c.want)
			}
		})
	}
}

// A method the server does not have (a privilege group RPC on 2.3) is
// refused by grpc-go before any interceptor runs.
func TestClassify_methodAnOlderServerLacks(t *testing.T) {
	err := status.Error(codes.Unimplemented, "unknown method CreatePrivilegeGroup for service milvus.proto.milvus.MilvusService")
	if got := classify(opCreateGroup, "create privilege group g1", err); !errors.Is(got, ErrUnsupported) {
		t.Fatalf("classified as %v", got)
	}
}

// A reason with a Go stack trace after it is cut to its first line, and
// classified by it.
func TestClassify_stackTraceIsDropped(t *testing.T) {
	reason := "unable to add user because the number of users has reached the limit\n" +
		"(1) attached stack trace\n  -- stack trace:\n  | github.com/milvus-io/milvus/internal/rootcoord.(*Core).CreateCredential\n" +
		"  | \t/go/src/github.com/milvus-io/milvus/internal/rootcoord/root_coord.go:2163\nWraps: (2) please report it"
	err := merr.CheckRPCCall(&commonpb.Status{Code: 65535, ErrorCode: commonpb.ErrorCode_CreateCredentialFailure, Reason: reason}, nil)
	got := classify(opCreateUser, "create user bob", err)
	var e *Error
	if !errors.As(got, &e) || e.Kind != ErrLimitExceeded {
		t.Fatalf("classified as %v", got)
	}
	if e.Reason != "unable to add user because the number of users has reached the limit" {
		t.Fatalf("reason %q keeps more than the first line", e.Reason)
	}
}

// Recorded from Milvus v2.3.5-lite right after a restart (the crash test):
// the proxy's call to rootcoord failed and the reply is the stack trace
// with the cause after its last frame. The reason shown is the cause, and
// a create is treated as unanswered: checked on the server, never resent
// blindly.
func TestClassify_internalCallFailureAfterRestart(t *testing.T) {
	raw, err := os.ReadFile("testdata/v2.3.5-lite/create-credential-after-restart.txt")
	if err != nil {
		t.Fatal(err)
	}
	reply := merr.CheckRPCCall(&commonpb.Status{ErrorCode: commonpb.ErrorCode_UnexpectedError, Reason: string(raw)}, nil)
	got := classify(opCreateUser, "create user bob", reply)
	var e *Error
	if !errors.As(got, &e) || e.Kind != ErrUnavailable {
		t.Fatalf("classified as %v", got)
	}
	if e.Reason != "attempt #0: rpc error: code = Canceled desc = context canceled" {
		t.Fatalf("reason %q", e.Reason)
	}
	if got := serverReason("stack trace: /a/b.go:51 pkg.StackTrace\n/a/c.go:2 pkg.F"); got != "Milvus failed inside (its answer holds only a stack trace)" {
		t.Fatalf("a trace without a message gives %q", got)
	}
}
