// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import "strings"

// Entity is what a request is about; diagnostics pick their advice by it
// (the user limit is proxy.maxUserNum, the role limit proxy.maxRoleNum).
type Entity string

// The entities the provider manages, plus the connection itself.
const (
	EntityServer         Entity = "server"
	EntityUser           Entity = "user"
	EntityRole           Entity = "role"
	EntityBinding        Entity = "role binding"
	EntityGrant          Entity = "grant"
	EntityPrivilegeGroup Entity = "privilege group"
	EntityDatabase       Entity = "database"
)

// Entities lists every kind of object a request can be about; diagnostics
// keep advice for each (a test fails for an entity without its own).
func Entities() []Entity {
	return []Entity{EntityServer, EntityUser, EntityRole, EntityBinding, EntityGrant, EntityPrivilegeGroup, EntityDatabase}
}

// operation names the RPC being classified, because Milvus reuses codes and
// texts: code 1400 means "wrong old password" only for UpdateCredential.
type operation int

const (
	opConnect operation = iota
	opVersion
	opCheckPassword
	opCreateUser
	opDescribeUser
	opListUsers
	opUpdatePassword
	opDropUser
	opCreateRole
	opDropRole
	opListRoles
	opBindRole
	opUnbindRole
	opGrant
	opRevoke
	opListGrants
	opListDatabases
	opCreateDatabase
	opDescribeDatabase
	opAlterDatabase
	opDropDatabase
	opListCollections
	opDescribeUserText
	opDescribeRoleText
	opDescribeAlias
	opListAliases
	opCreateGroup
	opDropGroup
	opListGroups
	opAlterGroup
)

type opSpec struct {
	entity Entity
	// idempotent requests are retried blindly when Milvus did not answer;
	// the others are verified first (see Client.write).
	idempotent bool
	// reads change nothing on the server; every other request discards the
	// shared listings.
	reads bool
}

var opSpecs = map[operation]opSpec{
	opConnect:          {EntityServer, true, true},
	opVersion:          {EntityServer, true, true},
	opCheckPassword:    {EntityUser, true, true},
	opCreateUser:       {EntityUser, false, false},
	opDescribeUser:     {EntityUser, true, true},
	opListUsers:        {EntityUser, true, true},
	opUpdatePassword:   {EntityUser, false, false},
	opDropUser:         {EntityUser, true, false}, // dropping a missing user succeeds
	opCreateRole:       {EntityRole, false, false},
	opDropRole:         {EntityRole, false, false}, // dropping a missing role fails
	opListRoles:        {EntityRole, true, true},
	opBindRole:         {EntityBinding, true, false}, // re-binding succeeds
	opUnbindRole:       {EntityBinding, true, false},
	opGrant:            {EntityGrant, true, false}, // re-granting succeeds
	opRevoke:           {EntityGrant, true, false}, // revoking a missing grant succeeds
	opListGrants:       {EntityGrant, true, true},
	opListDatabases:    {EntityDatabase, true, true},
	opCreateDatabase:   {EntityDatabase, false, false},
	opDescribeDatabase: {EntityDatabase, true, true},
	opAlterDatabase:    {EntityDatabase, true, false}, // setting or removing a key twice succeeds
	opDropDatabase:     {EntityDatabase, true, false}, // dropping a missing database succeeds
	opListCollections:  {EntityDatabase, true, true},
	opDescribeUserText: {EntityUser, true, false}, // setting a description twice changes nothing
	opDescribeRoleText: {EntityRole, true, false},
	opDescribeAlias:    {EntityGrant, true, true},
	opListAliases:      {EntityGrant, true, true},
	opCreateGroup:      {EntityPrivilegeGroup, false, false},
	opDropGroup:        {EntityPrivilegeGroup, true, false}, // dropping a missing group succeeds
	opListGroups:       {EntityPrivilegeGroup, true, true},
	opAlterGroup:       {EntityPrivilegeGroup, true, false}, // set semantics
}

func (op operation) spec() opSpec { return opSpecs[op] }

// statusRule classifies a non-OK commonpb.Status: the first rule whose
// operations, code and reason all match decides. Reasons are those Milvus
// 2.3 to 3.0 send (internal/rootcoord and internal/proxy of each release);
// the errors_*_test.go tables classify each of them.
type statusRule struct {
	ops    []operation // nil: any operation
	code   int32       // 0: any code
	reason string      // a substring of the reason; "": any reason
	kind   Kind
}

func (r statusRule) matches(op operation, code int32, reason string) bool {
	if r.ops != nil && !containsOp(r.ops, op) {
		return false
	}
	if r.code != 0 && r.code != code {
		return false
	}
	return r.reason == "" || strings.Contains(reason, r.reason)
}

func containsOp(ops []operation, op operation) bool {
	for _, o := range ops {
		if o == op {
			return true
		}
	}
	return false
}

func ops(o ...operation) []operation { return o }

// roleOps are the requests that name a role that must exist.
var roleOps = ops(opDropRole, opBindRole, opUnbindRole, opGrant, opRevoke, opListGrants)

var statusRules = []statusRule{
	// Names that are taken. 2.3-2.6.18: code 65535; 2.6.19+: code 1100.
	{ops: ops(opCreateUser), reason: "user already exists", kind: ErrAlreadyExists},
	{ops: ops(opCreateRole), reason: "already exists", kind: ErrAlreadyExists},
	{ops: ops(opCreateGroup), reason: "is defined by users", kind: ErrAlreadyExists},
	{ops: ops(opCreateGroup), reason: "is defined by built in privilege", kind: ErrInvalidArgument},
	{ops: ops(opCreateDatabase), reason: "database already exist", kind: ErrAlreadyExists},

	// Limits. 2.6.19+ uses code 9 (quota exceeded).
	{reason: "number of users has reached the limit", kind: ErrLimitExceeded},
	{reason: "number of roles has reached the limit", kind: ErrLimitExceeded},
	{code: codeQuotaExceeded, kind: ErrLimitExceeded},
	{code: codeDatabaseNumLimit, kind: ErrLimitExceeded}, // rootCoord.maxDatabaseNum

	// Missing objects.
	{ops: ops(opUpdatePassword), reason: "user not found", kind: ErrNotFound}, // 2.6.6+ super-user reset
	{ops: ops(opBindRole), reason: "not found the user", kind: ErrNotFound},
	{ops: ops(opBindRole), reason: "not found: invalid parameter", kind: ErrNotFound}, // 2.6.19+ `user "u" not found`
	{ops: roleOps, reason: "not found the role", kind: ErrNotFound},
	{ops: roleOps, reason: "does not exist", kind: ErrNotFound}, // 2.6.19+ `the role "r" does not exist`
	{ops: ops(opAlterGroup), reason: "there is no privilege group name", kind: ErrNotFound},
	{code: codeDatabaseNotFound, kind: ErrNotFound},
	{ops: ops(opDescribeRoleText), reason: "role not exists", kind: ErrNotFound},
	{ops: ops(opDescribeUserText), reason: "user not found", kind: ErrNotFound},
	{ops: ops(opDescribeAlias), code: codeAliasNotFound, kind: ErrNotFound},
	{reason: "database not found", kind: ErrNotFound},

	// Objects still in use.
	{ops: ops(opDropRole), reason: "fail to drop the role that it has privileges", kind: ErrInUse},
	{ops: ops(opDropGroup), reason: "is used by role", kind: ErrInUse},
	{ops: ops(opDropDatabase), reason: "not empty, must drop all collections", kind: ErrInUse},

	// Values the server refuses.
	{ops: ops(opGrant, opRevoke), reason: "not found the privilege name", kind: ErrInvalidArgument},
	{ops: ops(opGrant, opRevoke), reason: "can not operate the", kind: ErrInvalidArgument}, // groups through the v1 call
	{ops: ops(opAlterGroup), reason: "there is no privilege name", kind: ErrInvalidArgument},
	{ops: ops(opAlterGroup), reason: "not the same", kind: ErrInvalidArgument}, // privilege level / object type
	{ops: ops(opAlterGroup), reason: "privileges is empty", kind: ErrInvalidArgument},
	{ops: ops(opAlterDatabase), reason: "can not alter cipher related properties", kind: ErrInvalidArgument},
	{reason: "bcrypt: password length exceeds", kind: ErrInvalidArgument}, // ≤2.4 validates 256, bcrypt stops at 72

	// A call between Milvus's own components that failed (seen on 2.3 right
	// after a restart): whether it took effect is unknown, as with a lost
	// answer, so writes are checked before anything is sent again.
	{reason: "rpc error: code = Unavailable", kind: ErrUnavailable},
	{reason: "rpc error: code = Canceled", kind: ErrUnavailable},
	{reason: "rpc error: code = DeadlineExceeded", kind: ErrUnavailable},

	// Codes alone.
	{code: codeServiceNotReady, kind: ErrUnavailable},
	{code: codeTimeout, kind: ErrUnavailable},
	{code: codeParameterInvalid, kind: ErrInvalidArgument},
	{code: codeInvalidGroupName, kind: ErrInvalidArgument},
	{code: codeInvalidDatabaseName, kind: ErrInvalidArgument},
	{ops: ops(opDropDatabase), reason: "can not drop default database", kind: ErrInvalidArgument},
	{ops: ops(opUpdatePassword), code: codeNotAuthenticated, kind: ErrWrongOldPassword},
	{code: codeNotAuthenticated, kind: ErrUnauthenticated},
	{code: codeNotPermitted, kind: ErrPermissionDenied},
}
