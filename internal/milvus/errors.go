package milvus

import (
	"context"
	"errors"
	"fmt"
	"strings"

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
	ErrWrongOldPassword  Kind = "old password not correct"
	ErrUnauthenticated   Kind = "not authenticated"
	ErrPermissionDenied  Kind = "permission denied"
	ErrUnavailable       Kind = "unavailable"
	ErrInvalidArgument   Kind = "invalid argument"
	ErrLimitExceeded     Kind = "limit exceeded"
	ErrTLS               Kind = "TLS handshake failed"
	ErrUnclassifiedError Kind = "unexpected error"
)

// Error is a classified Milvus failure. Reason is the server's own text,
// which never contains a password: Milvus does not echo credentials.
type Error struct {
	Kind   Kind
	Op     string // what the provider was doing, e.g. "create user alice"
	Code   int32  // the merr code, 0 for a gRPC-level failure
	Reason string
	cause  error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Op, e.Reason) }

func (e *Error) Unwrap() error { return e.cause }

// Is lets errors.Is match an *Error against its Kind.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k == e.Kind
}

// operation names the RPC being classified, because Milvus reuses codes:
// code 1400 means "wrong old password" only for UpdateCredential.
type operation int

const (
	opConnect operation = iota
	opCreateUser
	opDescribeUser
	opListUsers
	opUpdatePassword
	opDropUser
	opCheckPassword
)

// merr codes (pkg/util/merr/errors.go), identical in Milvus 2.3 to 2.6.
const (
	codeServiceNotReady  = 1
	codeQuotaExceeded    = 9
	codeDatabaseNotFound = 800
	codeParameterInvalid = 1100
	codeNotAuthenticated = 1400
	codeNotPermitted     = 1401
	codeTimeout          = 10001
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
	e := &Error{Op: what, cause: err}

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
		e.Kind, e.Reason = ErrTLS, err.Error()
		return e
	}

	// Interceptor failures (authentication, RBAC) and transport failures are
	// gRPC status errors rather than a commonpb.Status.
	if st, ok := status.FromError(err); ok && st.Code() != codes.OK && st.Code() != codes.Unknown {
		e.Reason = st.Message()
		switch st.Code() {
		case codes.Unauthenticated:
			e.Kind = ErrUnauthenticated
		case codes.PermissionDenied:
			e.Kind = ErrPermissionDenied
		case codes.Unavailable, codes.ResourceExhausted, codes.Aborted:
			e.Kind = ErrUnavailable
		case codes.DeadlineExceeded:
			e.Kind, e.Reason = ErrUnavailable, "Milvus did not answer before the timeout: "+st.Message()
		case codes.InvalidArgument:
			e.Kind = ErrInvalidArgument
		default:
			e.Kind = ErrUnclassifiedError
		}
		return e
	}

	e.Code = merr.Code(err)
	e.Reason = err.Error()
	e.Kind = classifyStatus(op, e.Code, e.Reason)
	return e
}

// classifyStatus maps a commonpb.Status (as the SDK turned it into an error)
// to a Kind. The texts are those of milvus-auth-semantics.md §3 and §6.
func classifyStatus(op operation, code int32, reason string) Kind {
	switch {
	case strings.HasPrefix(reason, "user already exists"):
		// 2.3–2.6.18: code 65535; 2.6.19+: code 1100 with ": invalid parameter".
		return ErrAlreadyExists
	case strings.Contains(reason, "number of users has reached the limit"), code == codeQuotaExceeded:
		return ErrLimitExceeded
	case strings.Contains(reason, "user not found"):
		// 2.6.5+: a super-user password reset of a missing user.
		return ErrNotFound
	}
	switch code {
	case codeServiceNotReady, codeTimeout:
		return ErrUnavailable
	case codeDatabaseNotFound:
		return ErrNotFound
	case codeParameterInvalid:
		return ErrInvalidArgument
	case codeNotAuthenticated:
		if op == opUpdatePassword {
			return ErrWrongOldPassword
		}
		return ErrUnauthenticated
	case codeNotPermitted:
		return ErrPermissionDenied
	}
	if strings.Contains(reason, "bcrypt: password length exceeds") {
		// ≤2.4 accepts up to 256 bytes in validation, then bcrypt refuses >72.
		return ErrInvalidArgument
	}
	return ErrUnclassifiedError
}
