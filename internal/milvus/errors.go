// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/milvus-io/milvus/pkg/v2/util/merr"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Kind is the class of a failed Milvus call. Callers test for it with
// errors.Is(err, milvus.ErrNotFound) and never look at the server's text.
type Kind string

func (k Kind) Error() string { return string(k) }

// The kinds of failure the provider reacts to differently.
const (
	ErrNotFound          Kind = "not found"
	ErrAlreadyExists     Kind = "already exists"
	ErrInUse             Kind = "still in use"
	ErrWrongOldPassword  Kind = "old password not correct"
	ErrUnauthenticated   Kind = "not authenticated"
	ErrPermissionDenied  Kind = "permission denied"
	ErrUnavailable       Kind = "unavailable"
	ErrInvalidArgument   Kind = "invalid argument"
	ErrLimitExceeded     Kind = "limit exceeded"
	ErrUnsupported       Kind = "not supported by this Milvus version"
	ErrTLS               Kind = "TLS handshake failed"
	ErrUnclassifiedError Kind = "unexpected error"
)

// Kinds lists every kind of failure.
func Kinds() []Kind {
	return []Kind{ErrNotFound, ErrAlreadyExists, ErrInUse, ErrWrongOldPassword, ErrUnauthenticated, ErrPermissionDenied,
		ErrUnavailable, ErrInvalidArgument, ErrLimitExceeded, ErrUnsupported, ErrTLS, ErrUnclassifiedError}
}

// Error is a classified Milvus failure. Reason is the server's own text (its
// first line: stack traces are dropped), which never contains a password:
// Milvus does not echo credentials.
type Error struct {
	Kind   Kind
	Entity Entity // what the failed request was about
	Op     string // what the provider was doing, e.g. "create user alice"
	Code   int32  // the merr code, 0 for a gRPC-level failure
	Reason string
	// Attempts is how often the request was sent (retries included) and
	// Timeout the wait for each answer; both are set when Milvus did not
	// answer.
	Attempts int
	Timeout  time.Duration
	cause    error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Op, e.Reason) }

func (e *Error) Unwrap() error { return e.cause }

// Is lets errors.Is match an *Error against its Kind.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k == e.Kind
}

// merr codes (pkg/util/merr/errors.go), identical in Milvus 2.3 to 3.0.
const (
	codeServiceNotReady     = 1
	codeQuotaExceeded       = 9
	codeAliasNotFound       = 1600
	codeDatabaseNotFound    = 800
	codeDatabaseNumLimit    = 801
	codeInvalidDatabaseName = 802
	codeParameterInvalid    = 1100
	codeNotAuthenticated    = 1400
	codeNotPermitted        = 1401
	codeInvalidGroupName    = 1402
	codeTimeout             = 10001
)

// classify turns an SDK or gRPC error into an *Error. It is the only place in
// the provider that reads Milvus error codes and texts.
func classify(op operation, what string, err error) error {
	if err == nil {
		return nil
	}
	var already *Error
	if errors.As(err, &already) {
		return err
	}
	e := &Error{Op: what, Entity: op.spec().entity, cause: err}

	if errors.Is(err, context.DeadlineExceeded) {
		e.Kind, e.Reason = ErrUnavailable, "Milvus did not answer before the timeout"
		return e
	}
	if errors.Is(err, context.Canceled) {
		e.Kind, e.Reason = ErrUnavailable, "the request was cancelled"
		return e
	}

	// A refused certificate is not transient: retrying cannot fix it.
	if strings.Contains(err.Error(), "authentication handshake failed") {
		e.Kind, e.Reason = ErrTLS, firstLine(err.Error())
		return e
	}

	// Interceptor failures (authentication, RBAC), transport failures and
	// methods an older server lacks are gRPC status errors rather than a
	// commonpb.Status.
	if st, ok := status.FromError(err); ok && st.Code() != codes.OK && st.Code() != codes.Unknown {
		e.Reason = firstLine(st.Message())
		switch st.Code() {
		case codes.Unauthenticated:
			e.Kind = ErrUnauthenticated
		case codes.PermissionDenied:
			e.Kind = ErrPermissionDenied
		case codes.Unavailable, codes.ResourceExhausted, codes.Aborted:
			e.Kind = ErrUnavailable
		case codes.DeadlineExceeded:
			e.Kind, e.Reason = ErrUnavailable, "Milvus did not answer before the timeout"
		case codes.Unimplemented:
			// grpc-go answers a method the server does not register before any
			// interceptor runs: "unknown method X for service milvus.proto.milvus.MilvusService".
			e.Kind = ErrUnsupported
		case codes.InvalidArgument:
			e.Kind = ErrInvalidArgument
		default:
			e.Kind = ErrUnclassifiedError
		}
		return e
	}

	e.Code = merr.Code(err)
	e.Reason = serverReason(err.Error())
	e.Kind = classifyStatus(op, e.Code, e.Reason)
	return e
}

// serverReason is what a Milvus reason says, without the Go stack trace
// some carry. Most put the trace after the message (cut at the first line);
// Milvus 2.3 errors between its own components put it first, as
// "stack trace: <file:line func> ...", with the message after the last
// frame ("...ChainUnaryServer.func1.1.1: attempt #0: rpc error: ...").
func serverReason(s string) string {
	first := firstLine(s)
	if !strings.HasPrefix(first, "stack trace:") {
		return first
	}
	lines := strings.Split(strings.TrimSpace(s), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if _, frame, ok := strings.Cut(last, " "); ok {
		if _, message, ok := strings.Cut(frame, ": "); ok && strings.TrimSpace(message) != "" {
			return strings.TrimSpace(message)
		}
	}
	return "Milvus failed inside (its answer holds only a stack trace)"
}

// classifyStatus maps a commonpb.Status (as the SDK turned it into an error)
// to a Kind with the first matching row of statusRules.
func classifyStatus(op operation, code int32, reason string) Kind {
	for _, r := range statusRules {
		if r.matches(op, code, reason) {
			return r.kind
		}
	}
	return ErrUnclassifiedError
}

// firstLine keeps the first line of a server reason: some Milvus errors carry
// a Go stack trace after it, which means nothing to a Terraform user.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return strings.TrimSuffix(s, ":")
}
