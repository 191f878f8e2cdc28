// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package validate holds the plan-time rules for Milvus names and passwords.
// The rule for each: reject what every supported Milvus (2.3 to 3.0) rejects,
// accept what some supported Milvus accepts. Every message counts in the
// unit its rule is stated in: names in characters (they are ASCII only),
// passwords in bytes.
package validate

import (
	"fmt"
	"unicode/utf8"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// NameRule is Milvus's rule for one kind of name.
type NameRule struct {
	// Noun names the kind of name in messages: "username".
	Noun string
	// Max is the length limit in characters.
	Max int
	// First and Rest say which ASCII characters may start and continue it.
	First, Rest func(byte) bool
	// Rule states the whole rule for messages and docs.
	Rule string
	// Star allows the name "*", meaning all.
	Star bool
	// Reserved names are refused with the reason given.
	Reserved func(string) string
}

// Problem explains why name breaks the rule, or returns "" when it is valid.
func (r NameRule) Problem(name string) string {
	if r.Star && name == "*" {
		return ""
	}
	if name == "" {
		return "it is empty"
	}
	for _, c := range name {
		if c >= utf8.RuneSelf {
			return fmt.Sprintf("it contains %q, and only ASCII characters are allowed", c)
		}
	}
	switch {
	case len(name) > r.Max:
		return fmt.Sprintf("it is %d characters long", len(name))
	case !r.First(name[0]):
		return fmt.Sprintf("it starts with %q", name[:1])
	}
	for i := 1; i < len(name); i++ {
		if !r.Rest(name[i]) {
			return fmt.Sprintf("it contains %q", name[i:i+1])
		}
	}
	if r.Reserved != nil {
		return r.Reserved(name)
	}
	return ""
}

func letter(b byte) bool     { return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') }
func digit(b byte) bool      { return b >= '0' && b <= '9' }
func identStart(b byte) bool { return letter(b) || b == '_' }
func ident(b byte) bool      { return letter(b) || digit(b) || b == '_' }

// Username is Milvus's ValidateUsername (proxy.maxUsernameLength = 32).
// '.' and '-' are accepted from Milvus 2.6.0; older servers refuse them at
// apply time, with a hint.
var Username = NameRule{
	Noun:  "username",
	Max:   32,
	First: letter,
	Rest:  func(b byte) bool { return ident(b) || b == '.' || b == '-' },
	Rule: "1 to 32 characters: an ASCII letter (A-Z, a-z) first, then letters, digits, underscores, dots or hyphens " +
		"(dots and hyphens need Milvus 2.6 or later)",
}

// RoleName is Milvus's ValidateRoleName (proxy.maxNameLength = 255; '$' is
// the default of proxy.roleNameValidation.allowedChars on 2.6.2+).
var RoleName = NameRule{
	Noun:  "role name",
	Max:   255,
	First: identStart,
	Rest:  func(b byte) bool { return ident(b) || b == '$' },
	Rule:  "1 to 255 characters: an ASCII letter or '_' first, then letters, digits, '_' or '$'",
}

// Database is Milvus's database name rule (ValidateDatabaseName).
var Database = NameRule{
	Noun:  "database name",
	Max:   255,
	First: identStart,
	Rest:  ident,
	Rule:  "1 to 255 characters: an ASCII letter or '_' first, then letters, digits or '_'",
}

// GrantDatabase is the database of a grant: a database name, or "*" for
// every database.
var GrantDatabase = NameRule{
	Noun:  Database.Noun,
	Max:   Database.Max,
	First: Database.First,
	Rest:  Database.Rest,
	Star:  true,
	Rule:  `"*" (every database), or ` + Database.Rule,
}

// ResourceGroup is Milvus's resource group name rule (ValidateResourceGroupName).
var ResourceGroup = NameRule{
	Noun:  "resource group name",
	Max:   255,
	First: identStart,
	Rest:  ident,
	Rule:  "1 to 255 characters: an ASCII letter or '_' first, then letters, digits or '_'",
}

// ObjectName is the name of the collection (or user) a grant is on, or "*".
var ObjectName = NameRule{
	Noun:  "object name",
	Max:   255,
	First: identStart,
	Rest:  func(b byte) bool { return ident(b) || b == '$' || b == '.' || b == '-' },
	Star:  true,
	Rule: `"*" (every object), or 1 to 255 characters: an ASCII letter or '_' first, then letters, digits, '_' or '$' ` +
		"(a username may also hold '.' and '-')",
}

// Password limits in bytes: proxy.minPasswordLength is 6, and bcrypt (every
// version) and proxy.maxPasswordLength (2.5+) stop at 72.
const (
	PasswordMinBytes = 6
	PasswordMaxBytes = 72
	PasswordRule     = "6 to 72 bytes (Milvus's minimum, and bcrypt's maximum); characters outside ASCII count as 2 to 4 bytes each"
)

// PasswordProblem explains why password is not acceptable, or returns "".
// It never includes the password.
func PasswordProblem(password string) string {
	if n := len(password); n < PasswordMinBytes || n > PasswordMaxBytes {
		return fmt.Sprintf("it is %d bytes long", n)
	}
	return ""
}

// GroupName is the name of a custom privilege group (ValidatePrivilegeGroupName):
// no '$', and not a name Milvus itself gives a privilege or a group.
var GroupName = NameRule{
	Noun:  "privilege group name",
	Max:   255,
	First: identStart,
	Rest:  ident,
	Rule: "1 to 255 characters: an ASCII letter or '_' first, then letters, digits or '_'; " +
		"not the name of a built-in privilege or privilege group (names are case-sensitive, so `insert` is allowed and `Insert` is not)",
	Reserved: func(name string) string {
		if milvus.DefinedName(name) {
			return "it is the name of a built-in privilege or privilege group"
		}
		return ""
	},
}

// GroupReference names a privilege group in a grant: a built-in group, or a
// custom one.
var GroupReference = NameRule{
	Noun:  "privilege group name",
	Max:   255,
	First: identStart,
	Rest:  ident,
	Rule:  "a built-in privilege group, or the name of a custom one: 1 to 255 characters, an ASCII letter or '_' first, then letters, digits or '_'",
}
