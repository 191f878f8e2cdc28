// Package validate holds the plan-time rules for Milvus names and passwords.
// The rule for each: reject what every supported Milvus (2.3 to 2.6) rejects,
// accept what some supported Milvus accepts.
package validate

import (
	"fmt"
	"regexp"
)

// Username rules of Milvus's ValidateUsername (proxy.maxUsernameLength = 32).
// '.' and '-' are accepted from Milvus 2.6.0; older servers refuse them.
const (
	UsernameMaxLength = 32
	UsernameRule      = "1 to 32 characters: a letter (A-Z, a-z) first, then letters, digits, underscores, dots or hyphens (dots and hyphens need Milvus 2.6 or later)"
)

var usernamePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)

// Password limits in bytes: proxy.minPasswordLength is 6, and bcrypt (every
// version) and proxy.maxPasswordLength (2.5+) stop at 72.
const (
	PasswordMinBytes = 6
	PasswordMaxBytes = 72
	PasswordRule     = "6 to 72 bytes (Milvus's minimum, and bcrypt's maximum); characters outside ASCII count as 2 to 4 bytes each"
)

// UsernameProblem explains why name is not a valid Milvus username, or
// returns "" when it is.
func UsernameProblem(name string) string {
	switch {
	case name == "":
		return "it is empty"
	case len(name) > UsernameMaxLength:
		return fmt.Sprintf("it is %d bytes long", len(name))
	case !isASCIILetter(name[0]):
		return fmt.Sprintf("it starts with %q", firstRune(name))
	case !usernamePattern.MatchString(name):
		return fmt.Sprintf("it contains %q", firstInvalid(name))
	}
	return ""
}

// PasswordProblem explains why password is not acceptable, or returns "".
// It never includes the password.
func PasswordProblem(password string) string {
	switch n := len(password); {
	case n < PasswordMinBytes:
		return fmt.Sprintf("it is %d bytes long", n)
	case n > PasswordMaxBytes:
		return fmt.Sprintf("it is %d bytes long", n)
	}
	return ""
}

func isASCIILetter(b byte) bool { return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') }

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

func firstInvalid(s string) string {
	for i, r := range s {
		if i == 0 {
			continue
		}
		ok := r < 128 && (isASCIILetter(byte(r)) || (r >= '0' && r <= '9') || r == '_' || r == '.' || r == '-')
		if !ok {
			return string(r)
		}
	}
	return ""
}
