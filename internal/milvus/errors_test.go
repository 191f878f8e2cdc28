// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus/pkg/v2/util/merr"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Each case is a reply exactly as a Milvus version sends it
// (internal/proxy/impl.go, util.go and privilege_interceptor.go of each release),
// turned into an error the way the SDK
// does (merr.CheckRPCCall), then classified.
func TestClassify_serverReplies(t *testing.T) {
	reply := func(code int32, errorCode commonpb.ErrorCode, reason string) error {
		return merr.CheckRPCCall(&commonpb.Status{Code: code, ErrorCode: errorCode, Reason: reason}, nil)
	}
	cases := []struct {
		name string
		op   operation
		err  error
		want Kind
	}{
		{"user exists, 2.3-2.6.18", opCreateUser, reply(65535, commonpb.ErrorCode_CreateCredentialFailure, "user already exists: alice"), ErrAlreadyExists},
		{"user exists, 2.6.19+", opCreateUser, reply(1100, commonpb.ErrorCode_CreateCredentialFailure, "user already exists: alice: invalid parameter"), ErrAlreadyExists},
		{"user limit, 2.3-2.6.18", opCreateUser, reply(65535, commonpb.ErrorCode_CreateCredentialFailure, "unable to add user because the number of users has reached the limit"), ErrLimitExceeded},
		{"user limit, 2.6.19+", opCreateUser, reply(9, commonpb.ErrorCode_CreateCredentialFailure, "unable to add user because the number of users has reached the limit: quota exceeded"), ErrLimitExceeded},
		{"wrong old password", opUpdatePassword, reply(1400, commonpb.ErrorCode_UnexpectedError, "old password not correct for alice: not authenticated"), ErrWrongOldPassword},
		{"super-user reset of a missing user, 2.6.5+", opUpdatePassword, reply(65535, commonpb.ErrorCode_UpdateCredentialFailure, "failed to check if update credential: user not found"), ErrNotFound},
		{"password too short", opCreateUser, reply(1100, commonpb.ErrorCode_IllegalArgument, "invalid password length: invalid parameter[3 out of range 6 <= value <= 72]"), ErrInvalidArgument},
		{"password over bcrypt's limit, 2.3/2.4", opCreateUser, reply(65535, commonpb.ErrorCode_UnexpectedError, "encrypt password failed: bcrypt: password length exceeds 72 bytes"), ErrInvalidArgument},
		{"username first character, 2.3", opCreateUser, reply(1100, commonpb.ErrorCode_IllegalArgument, "invalid user name 1abc, the first character must be a letter, but got %!s(uint8=49): invalid parameter"), ErrInvalidArgument},
		{"username dot, 2.3-2.5", opCreateUser, reply(1100, commonpb.ErrorCode_IllegalArgument, "invalid user name a.b, username must contain only numbers, letters and underscores, but got %!s(uint8=46): invalid parameter"), ErrInvalidArgument},
		{"delete root", opDropUser, reply(1401, commonpb.ErrorCode_UnexpectedError, "root user cannot be deleted: privilege not permitted"), ErrPermissionDenied},
		{"service not ready", opDescribeUser, reply(1, commonpb.ErrorCode_NotReadyServe, "service not ready[proxy=1]: Abnormal"), ErrUnavailable},
		{"old code only: not ready", opDescribeUser, reply(0, commonpb.ErrorCode_NotReadyServe, "proxy not healthy"), ErrUnavailable},
		{"database not found", opConnect, reply(800, commonpb.ErrorCode_UnexpectedError, "database not found[database=foo]"), ErrNotFound},
		{"not authenticated outside UpdateCredential", opDescribeUser, reply(1400, commonpb.ErrorCode_UnexpectedError, "not authenticated"), ErrUnauthenticated},
		{"select user store failure", opDescribeUser, reply(65535, commonpb.ErrorCode_SelectUserFailure, "fail to select the user"), ErrUnclassifiedError},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.err == nil {
				t.Fatal("the reply was taken for success")
			}
			err := classify(c.op, "do it", c.err)
			if !errors.Is(err, c.want) {
				t.Fatalf("classified as %v, want %v", err, c.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.Reason == "" {
				t.Fatalf("no reason kept: %#v", err)
			}
		})
	}
}

// Interceptor failures are gRPC status errors (authentication_interceptor.go,
// privilege_interceptor.go), in 2.3 and later forms.
func TestClassify_grpcErrors(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want Kind
	}{
		{"wrong credentials", status.Error(codes.Unauthenticated, "auth check failure, please check username and password are correct"), ErrUnauthenticated},
		{"no header", status.Error(codes.Unauthenticated, "missing authorization in header"), ErrUnauthenticated},
		{"api key on open source", status.Error(codes.Unauthenticated, "auth check failure, please check api key is correct"), ErrUnauthenticated},
		{"rbac 2.4+", status.Error(codes.PermissionDenied, "PrivilegeCreateOwnership: permission deny to bob in the `default` database"), ErrPermissionDenied},
		{"rbac 2.3", status.Error(codes.PermissionDenied, "PrivilegeCreateOwnership: permission deny to bob"), ErrPermissionDenied},
		{"server down", status.Error(codes.Unavailable, "connection error: desc = \"transport: Error while dialing: dial tcp 127.0.0.1:19530: connect: connection refused\""), ErrUnavailable},
		{"rate limited", status.Error(codes.ResourceExhausted, "rate limit exceeded"), ErrUnavailable},
		{"deadline", status.Error(codes.DeadlineExceeded, "context deadline exceeded"), ErrUnavailable},
		{"wrapped", fmt.Errorf("call: %w", status.Error(codes.Unauthenticated, "auth check failure")), ErrUnauthenticated},
		{"context deadline", context.DeadlineExceeded, ErrUnavailable},
		{"untrusted certificate", errors.New(`connection error: desc = "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"`), ErrTLS},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := classify(opListUsers, "list users", c.err); !errors.Is(err, c.want) {
				t.Fatalf("classified as %v, want %v", err, c.want)
			}
		})
	}
}

func TestClassify_keepsClassifiedErrorsAndNil(t *testing.T) {
	if classify(opListUsers, "x", nil) != nil {
		t.Fatal("nil must stay nil")
	}
	first := classify(opUpdatePassword, "update", status.Error(codes.Unauthenticated, "auth"))
	if again := classify(opCreateUser, "create", first); again != first {
		t.Fatal("a classified error must not be classified twice")
	}
}

func TestError_isOnlyItsKind(t *testing.T) {
	err := &Error{Kind: ErrNotFound, Op: "read user bob", Reason: "gone"}
	if !errors.Is(err, ErrNotFound) || errors.Is(err, ErrAlreadyExists) {
		t.Fatal("errors.Is must match the kind and only the kind")
	}
	if err.Error() != "read user bob: gone" {
		t.Fatalf("Error() = %q", err.Error())
	}
}
