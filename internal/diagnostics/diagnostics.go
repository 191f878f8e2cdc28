// Package diagnostics turns classified Milvus errors into Terraform
// diagnostics in one voice: a Title Case summary of what failed, then a
// detail with the object, the reason and the remedy.
package diagnostics

import (
	"errors"
	"fmt"

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
	return fmt.Sprintf("The provider could not %s: %s.\n\n%s", e.Op, e.Reason, Remedy(e.Kind))
}

// Remedy says what a user can do about each kind of failure.
func Remedy(kind milvus.Kind) string {
	switch kind {
	case milvus.ErrUnauthenticated:
		return "Check the provider's username and password (or token), and that the account still exists. " +
			"The credentials come from the provider block or the MILVUS_USERNAME, MILVUS_PASSWORD and MILVUS_TOKEN environment variables."
	case milvus.ErrPermissionDenied:
		return "The provider's user lacks a privilege. Log in as root, or as a user bound to the admin role, " +
			"or grant the Global privileges CreateOwnership, DropOwnership, SelectOwnership and ManageOwnership " +
			"and the User privileges UpdateUser and SelectUser."
	case milvus.ErrUnavailable:
		return "Check that Milvus is running and reachable at the provider's address, then run Terraform again. " +
			"The provider retried as often as max_retries allows; raise timeout for a slow server."
	case milvus.ErrNotFound:
		return "It no longer exists on the server: something outside Terraform may have deleted it (run terraform apply " +
			"again to refresh), or, when connecting, the provider's db_name names a database that does not exist."
	case milvus.ErrTLS:
		return "Check the TLS settings: ca_cert must hold the CA that signed the server's certificate, server_name (or the " +
			"address's host) must be a name in that certificate, and a server with common.security.tlsMode 2 also needs " +
			"client_cert and client_key."
	case milvus.ErrLimitExceeded:
		return "Milvus allows proxy.maxUserNum users (100 by default, root included). Delete unused users or raise the limit in milvus.yaml."
	case milvus.ErrInvalidArgument:
		return "The server rejected a value. Servers older than Milvus 2.6 refuse '.' and '-' in usernames; " +
			"servers may also be configured with other limits in proxy.* settings."
	default:
		return "If the problem persists, please report it with the Milvus version and this message."
	}
}
