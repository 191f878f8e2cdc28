// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package diagnostics

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Object is what a diagnostic is about, in the words a user knows it by.
type Object struct {
	Entity   milvus.Entity // what kind of object: user, role, ...
	Name     string        // how to name it in a sentence: `user "alice"`
	Resource string        // the resource type that manages it: milvus_user
	ImportID string
}

func (o Object) title() string { return "Milvus " + Title(string(o.Entity)) }

// AlreadyExists is the error of a create that found the name taken. The
// provider cannot know the resource's address, but Terraform prints it with
// the diagnostic ("with milvus_user.app,"), so the remedy points there. why
// adds what is known about how the object came to exist.
func AlreadyExists(o Object, why string) diag.Diagnostic {
	detail := fmt.Sprintf("Milvus already has %s, and Terraform does not take over existing objects silently.", o.Name)
	if why != "" {
		detail += " " + why
	}
	detail += fmt.Sprintf("\n\nTo manage it with Terraform, import it. Terraform printed this resource's address with this "+
		"message (after \"with\"); use it in an import block and apply again:\n\n"+
		"    import {\n      to = <resource address>\n      id = %q\n    }\n\n"+
		"For many at once, when the %s resource uses for_each keyed by the import ID (Terraform 1.7 and later):\n\n"+
		"    import {\n      for_each = toset([%q, ...])\n      to       = %s.<name>[each.key]\n      id       = each.key\n    }\n\n"+
		"Or run: terraform import <resource address> %s\n\nOtherwise choose another name.",
		o.ImportID, o.Resource, o.ImportID, o.Resource, o.ImportID)
	return diag.NewErrorDiagnostic(o.title()+" Already Exists", detail)
}

// TakenOver is the warning of a create that found its object already there
// and provably the one the configuration asks for; proof says how that is
// known ("it logs in with the configured password").
func TakenOver(o Object, proof string) diag.Diagnostic {
	return Warning("Existing "+o.title()+" Taken Over", o.ImportID, fmt.Sprintf(
		"Milvus already had %s, and %s, so it is the %s this configuration asks for: most likely an earlier apply "+
			"created it and was interrupted (or lost Milvus's answer) before it could record it. Terraform now manages it. "+
			"Nothing was changed on the server.", o.Name, proof, o.Entity))
}

// DeletedOutside is the warning of a Read that found the object gone: what
// happened, and what the plan does about it (consequence adds to that).
func DeletedOutside(o Object, consequence string) diag.Diagnostic {
	verb, again := "Deleted", "creates it again"
	switch o.Entity {
	case milvus.EntityBinding:
		verb, again = "Removed", "binds it again"
	case milvus.EntityGrant:
		verb, again = "Revoked", "grants it again"
	}
	return Warning(o.title()+" "+verb+" Outside Terraform", o.ImportID, fmt.Sprintf(
		"Milvus no longer has %s, which this configuration manages: it was %s outside Terraform. "+
			"Terraform has removed it from state, and the plan %s.%s", o.Name, strings.ToLower(verb), again, consequence))
}

// NotFound is the error of a data source asked for an object Milvus lacks.
func NotFound(o Object, remedy string) diag.Diagnostic {
	return diag.NewErrorDiagnostic(o.title()+" Not Found", fmt.Sprintf("Milvus has no %s. %s", o.Name, remedy))
}

// Warning names the object at the end of its summary ("...: app_reader"):
// Terraform folds warnings with equal summaries into one ("and 3 more
// similar warnings elsewhere"), which would hide every object but the first
// from a reviewer.
func Warning(summary, key, detail string) diag.Diagnostic {
	return diag.NewWarningDiagnostic(summary+": "+key, detail)
}

// Count is "1 grant", "2 grants".
func Count(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// Some names up to five items and counts the rest, for details: "3
// collections (a, b, c)", "12 collections (a, b, c, d, e, and 7 more)".
func Some(items []string, noun string) string {
	shown := items
	if len(shown) > 5 {
		shown = shown[:5]
	}
	text := strings.Join(shown, ", ")
	if len(items) > len(shown) {
		text += fmt.Sprintf(", and %d more", len(items)-len(shown))
	}
	return fmt.Sprintf("%s (%s)", Count(len(items), noun), text)
}
