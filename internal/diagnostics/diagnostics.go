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

// Remedy says what a user can do about a failure, in the terms of the object
// it concerns.
func Remedy(e *milvus.Error) string {
	switch e.Kind {
	case milvus.ErrUnauthenticated:
		return "Check the provider's username and password (or token), and that the account still exists. " +
			"The credentials come from the provider block or the MILVUS_USERNAME, MILVUS_PASSWORD and MILVUS_TOKEN environment variables."
	case milvus.ErrPermissionDenied:
		return "The provider's user lacks a privilege. Log in as root, or as a user bound to the admin role, " +
			"or grant the Global privileges CreateOwnership, DropOwnership, SelectOwnership and ManageOwnership, " +
			"the User privileges UpdateUser and SelectUser, and for privilege groups CreatePrivilegeGroup, " +
			"DropPrivilegeGroup, ListPrivilegeGroups and OperatePrivilegeGroup."
	case milvus.ErrUnavailable:
		return unavailableRemedy(e)
	case milvus.ErrNotFound:
		return notFoundRemedy(e.Entity)
	case milvus.ErrTLS:
		return "Check the TLS settings: ca_cert must hold the CA that signed the server's certificate, server_name (or the " +
			"address's host) must be a name in that certificate, and a server with common.security.tlsMode 2 also needs " +
			"client_cert and client_key."
	case milvus.ErrLimitExceeded:
		return limitRemedy(e.Entity)
	case milvus.ErrInvalidArgument:
		return invalidRemedy(e.Entity)
	case milvus.ErrInUse:
		return inUseRemedy(e.Entity)
	case milvus.ErrUnsupported:
		return "Upgrade Milvus, or remove this from the configuration. Nothing was changed."
	default:
		return "If the problem persists, please report it with the Milvus version and this message."
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

func notFoundRemedy(entity milvus.Entity) string {
	switch entity {
	case milvus.EntityServer, milvus.EntityDatabase:
		return "The provider's db_name (or MILVUS_DB_NAME), or a database named in the configuration, does not exist. " +
			"Create the database first, or correct the name."
	case milvus.EntityBinding:
		return "Binding needs both the user and the role to exist. Create them first (depend on their resources), or check the names: they are case-sensitive."
	case milvus.EntityGrant:
		return "A grant needs its role to exist. Create the role first (depend on its milvus_role resource), or check the name: it is case-sensitive."
	}
	return fmt.Sprintf("The %s no longer exists on the server: something outside Terraform may have deleted it. "+
		"Run terraform apply again: the refresh notices it is gone and plans to create it again.", entity)
}

func limitRemedy(entity milvus.Entity) string {
	if entity == milvus.EntityRole {
		return "Milvus allows proxy.maxRoleNum roles (10 by default), and the built-in roles admin and public count toward it. " +
			"Delete unused roles, or raise proxy.maxRoleNum in milvus.yaml and restart Milvus: the limit is enforced by " +
			"rootcoord (mixcoord in Milvus 2.6), so set it there, not only on the proxy."
	}
	return "Milvus allows proxy.maxUserNum users (100 by default, root included). Delete unused users, or raise " +
		"proxy.maxUserNum in milvus.yaml and restart Milvus."
}

func invalidRemedy(entity milvus.Entity) string {
	switch entity {
	case milvus.EntityUser:
		return "The server rejected a value. Servers older than Milvus 2.6 refuse '.' and '-' in usernames; " +
			"servers may also be configured with other limits in proxy.* settings."
	case milvus.EntityGrant:
		return "The server does not know this privilege for this object type. Privilege names are case-sensitive and some " +
			"exist only in newer Milvus versions; the milvus_grant documentation lists each with the version that has it."
	case milvus.EntityPrivilegeGroup:
		return "The members of a privilege group must be privileges of one level (all cluster, all database, or all " +
			"collection privileges), and the group must exist."
	}
	return "The server rejected a value; it may be configured with other limits in its proxy.* settings."
}

func inUseRemedy(entity milvus.Entity) string {
	if entity == milvus.EntityPrivilegeGroup {
		return "Revoke the group from those roles first (remove the milvus_grant resources that grant it), then destroy the group. Nothing was changed."
	}
	return "Revoke its grants first. Nothing was changed."
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
