// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package validate

import (
	"strings"
	"testing"
)

func TestUsernameProblem(t *testing.T) {
	valid := []string{"a", "root", "Ab_9", strings.Repeat("x", 32), "svc.reader-1"}
	for _, name := range valid {
		if p := Username.Problem(name); p != "" {
			t.Errorf("%q rejected: %s", name, p)
		}
	}
	invalid := map[string]string{
		"":                      "empty",
		strings.Repeat("x", 33): "33 characters long",
		"1abc":                  `starts with "1"`,
		"_abc":                  `starts with "_"`,
		"ünï":                   `contains 'ü', and only ASCII characters are allowed`,
		"a b":                   `contains " "`,
		"a@b":                   `contains "@"`,
		"naïve":                 `contains 'ï', and only ASCII`,
		"*":                     `starts with "*"`,
		// 32 characters, 64 bytes: the problem is the letters, not a length.
		strings.Repeat("é", 32): "only ASCII characters are allowed",
	}
	for name, want := range invalid {
		if p := Username.Problem(name); !strings.Contains(p, want) {
			t.Errorf("%q: problem %q, want one mentioning %q", name, p, want)
		}
	}
}

func TestOtherNameRules(t *testing.T) {
	cases := []struct {
		rule  NameRule
		name  string
		wants string // "" = valid
	}{
		{RoleName, "reader", ""},
		{RoleName, "_svc$1", ""},
		{RoleName, strings.Repeat("r", 255), ""},
		{RoleName, strings.Repeat("r", 256), "256 characters long"},
		{RoleName, "1role", `starts with "1"`},
		{RoleName, "a-b", `contains "-"`},
		{RoleName, " reader", `starts with " "`},
		{RoleName, "*", `starts with "*"`},
		{GrantDatabase, "*", ""},
		{GrantDatabase, "default", ""},
		{GrantDatabase, "db$", `contains "$"`},
		{GrantDatabase, "", "empty"},
		{Database, "*", `starts with "*"`},
		{ObjectName, "*", ""},
		{ObjectName, "coll_1", ""},
		{ObjectName, "a/b", `contains "/"`},
	}
	for _, c := range cases {
		got := c.rule.Problem(c.name)
		if (c.wants == "") != (got == "") || !strings.Contains(got, c.wants) {
			t.Errorf("%s %q: problem %q, want %q", c.rule.Noun, c.name, got, c.wants)
		}
	}
}

func TestPasswordProblemCountsBytes(t *testing.T) {
	cases := map[string]string{
		"12345":                 "5 bytes",
		"123456":                "",
		"ééé":                   "", // 3 characters, 6 bytes
		"éé":                    "4 bytes",
		strings.Repeat("a", 72): "",
		strings.Repeat("a", 73): "73 bytes",
		strings.Repeat("é", 37): "74 bytes",
	}
	for pw, want := range cases {
		p := PasswordProblem(pw)
		if (want == "") != (p == "") || !strings.Contains(p, want) {
			t.Errorf("%d-byte password: problem %q, want %q", len(pw), p, want)
		}
		if p != "" && strings.Contains(p, pw) {
			t.Errorf("the problem text quotes the password")
		}
	}
}
