// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package diagnostics turns classified Milvus errors into Terraform
// diagnostics in one voice: a Title Case summary of what failed, then a
// detail with the object, the reason and the remedy for that kind of object.
package diagnostics

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// MilvusError builds the diagnostic for a failed Milvus call. summary says
// what failed ("Unable to Create Milvus User"); err comes from internal/milvus.
func MilvusError(summary string, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic(summary, Detail(err))
}

// Detail is the reason and remedy for a classified error.
func Detail(err error) string {
	var e *milvus.Error
	if !errors.As(err, &e) {
		return fmt.Sprintf("%s.\n\nThis is always a bug in the provider; please report it.", err)
	}
	if e.Kind == milvus.ErrUnsupported {
		return fmt.Sprintf("The provider cannot %s: %s.\n\n%s", e.Op, e.Reason, Remedy(e))
	}
	return fmt.Sprintf("The provider could not %s: %s.\n\n%s", e.Op, reason(e), Remedy(e))
}

func reason(e *milvus.Error) string {
	if e.Kind != milvus.ErrUnavailable || e.Attempts == 0 {
		return e.Reason
	}
	tries := "once"
	if e.Attempts > 1 {
		tries = fmt.Sprintf("%d times", e.Attempts)
	}
	return fmt.Sprintf("%s (waited %s for each answer; sent %s)", e.Reason, e.Timeout, tries)
}

// globalScopeNote ends every permission advice: Milvus 3.0 checks Global
// privileges in database "*" (milvus-io/milvus#50690), so a grant that was
// enough on 2.x may not be on 3.0.
const globalScopeNote = " On Milvus 3.0, a Global privilege counts only when granted with db_name \"*\"."

// Remedy says what a user can do about a failure, in the terms of the object
// it concerns.
func Remedy(e *milvus.Error) string {
	switch e.Kind {
	case milvus.ErrUnauthenticated:
		return "Check the provider's username and password (or token), and that the account still exists. " +
			"The credentials come from the provider block or the MILVUS_USERNAME, MILVUS_PASSWORD and MILVUS_TOKEN environment variables."
	case milvus.ErrPermissionDenied:
		return adviceFor(e.Entity, func(a advice) string { return a.permission }) + globalScopeNote
	case milvus.ErrUnavailable:
		return unavailableRemedy(e)
	case milvus.ErrNotFound:
		return adviceFor(e.Entity, func(a advice) string { return a.notFound })
	case milvus.ErrTLS:
		return "Check the TLS settings: ca_cert must hold the CA that signed the server's certificate, server_name (or the " +
			"address's host) must be a name in that certificate, and a server with common.security.tlsMode 2 also needs " +
			"client_cert and client_key."
	case milvus.ErrLimitExceeded:
		return adviceFor(e.Entity, func(a advice) string { return a.limit })
	case milvus.ErrInvalidArgument:
		return adviceFor(e.Entity, func(a advice) string { return a.invalid })
	case milvus.ErrInUse:
		return adviceFor(e.Entity, func(a advice) string { return a.inUse })
	case milvus.ErrUnsupported:
		return "Upgrade Milvus, or remove this from the configuration. Nothing was changed."
	default:
		return genericRemedy
	}
}

func unavailableRemedy(e *milvus.Error) string {
	text := "Check that Milvus is running and reachable at the provider's address, then run Terraform again."
	if e.Timeout > 0 {
		text += fmt.Sprintf(" Each request waits up to timeout (%s) for an answer, and a request that may safely be "+
			"repeated is sent again up to max_retries times, after 1 s, 2 s, 4 s, ...: the longest wait is "+
			"timeout × (max_retries + 1) plus that back-off. Raise timeout for a slow server; lower max_retries to fail sooner.",
			e.Timeout.Round(time.Millisecond))
	}
	return text
}

// Title is a noun in Title Case, for summaries: "role binding" becomes
// "Role Binding".
func Title(noun string) string {
	words := strings.Fields(noun)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
