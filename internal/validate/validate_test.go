package validate

import (
	"strings"
	"testing"
)

func TestUsernameProblem(t *testing.T) {
	valid := []string{"a", "root", "Ab_9", strings.Repeat("x", 32), "svc.reader-1"}
	for _, name := range valid {
		if p := UsernameProblem(name); p != "" {
			t.Errorf("%q rejected: %s", name, p)
		}
	}
	invalid := map[string]string{
		"":                      "empty",
		strings.Repeat("x", 33): "33 bytes",
		"1abc":                  `starts with "1"`,
		"_abc":                  `starts with "_"`,
		"ünï":                   `starts with "ü"`,
		"a b":                   `contains " "`,
		"a@b":                   `contains "@"`,
		"naïve":                 `contains "ï"`,
	}
	for name, want := range invalid {
		if p := UsernameProblem(name); !strings.Contains(p, want) {
			t.Errorf("%q: problem %q, want one mentioning %q", name, p, want)
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
