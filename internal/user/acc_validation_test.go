// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// The rules as the diagnostics state them; the CLI wraps long lines.
var (
	nameRule     = acctest.Words("A Milvus username is 1 to 32 characters: an ASCII letter (A-Z, a-z) first, then letters, digits, underscores, dots or hyphens")
	passwordRule = acctest.Words("A Milvus password is 6 to 72 bytes")
)

func badName(problem string) string {
	return acctest.Words("Invalid Milvus Username") + ".*" + acctest.Words(problem) + ".*" + nameRule
}

func badPassword(problem string) string {
	return acctest.Words("Invalid Milvus Password") + ".*" + acctest.Words(problem) + ".*" + passwordRule
}

// Plan-time validation: every case is rejected by `terraform plan` with the
// rule in the message, before anything reaches Milvus.
func TestAccUser_planTimeValidation(t *testing.T) {
	server := acctest.Connect(t)
	good := acctest.RandomPassword()
	cases := []struct {
		name, password string
		want           string // "" means the plan must succeed
	}{
		{name: "", password: good, want: badName(`it is empty`)},
		{name: strings.Repeat("a", 33), password: good, want: badName(`it is 33 characters long`)},
		{name: "1abc", password: good, want: badName(`starts with "1"`)},
		{name: "bad name", password: good, want: badName(`contains " "`)},
		{name: "ünicode", password: good, want: badName(`contains 'ü', and only ASCII characters are allowed`)},
		{name: "price€", password: good, want: badName(`contains '€', and only ASCII characters are allowed`)},
		// 32 characters, 64 bytes: the rule is broken by the letters, not the length.
		{name: strings.Repeat("é", 32), password: good, want: badName(`contains 'é', and only ASCII characters are allowed`)},
		{name: "a@b", password: good, want: badName(`contains "@"`)},
		{name: "ok_user", password: "12345", want: badPassword(`it is 5 bytes long`)},
		{name: "ok_user", password: strings.Repeat("a", 73), want: badPassword(`it is 73 bytes long`)},
		// 37 characters, but 74 bytes: Milvus and bcrypt count bytes.
		{name: "ok_user", password: strings.Repeat("é", 37), want: badPassword(`it is 74 bytes long`)},
		// Accepted: 3 characters are 6 bytes; 36 characters are 72 bytes.
		{name: "ok_user", password: "ééé"},
		{name: "ok_user", password: strings.Repeat("é", 36)},
		{name: strings.Repeat("a", 32), password: good},
		{name: "Ab9_", password: strings.Repeat("a", 72)},
		// Accepted at plan time because Milvus 2.6 accepts them.
		{name: "svc.reader-1", password: good},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		step := resource.TestStep{
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(c.name, c.password),
			PlanOnly:        true,
		}
		if c.want == "" {
			step.ExpectNonEmptyPlan = true
		} else {
			step.ExpectError = regexp.MustCompile(`(?s)` + c.want)
		}
		steps = append(steps, step)
	}
	acctest.Steps(t, server.CheckUserGone("ok_user"), steps...)
}

func TestAccUser_writeOnlyPasswordValidatedAtPlanTime(t *testing.T) {
	server := acctest.Connect(t)
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLI,
		CheckDestroy:           server.CheckUserGone("ok_user"),
		Steps: []resource.TestStep{{
			ConfigDirectory: woConfig(t),
			ConfigVariables: woVars("ok_user", "short", "1"),
			PlanOnly:        true,
			ExpectError:     regexp.MustCompile(`(?s)` + badPassword("it is 5 bytes long")),
		}},
	})
}

// Names with '.' or '-' pass the plan (Milvus 2.6 accepts them); an older
// server refuses them at apply time, with the reason and a hint, and nothing
// is left behind.
func TestAccUser_dotsAndHyphensOnOlderServers(t *testing.T) {
	server := acctest.Connect(t)
	version := acctest.ServerVersion(t)
	if !strings.HasPrefix(version, "v2.3") && !strings.HasPrefix(version, "v2.4") && !strings.HasPrefix(version, "v2.5") {
		t.Logf("Milvus %s accepts dots and hyphens; checking that it creates the user", version)
		name := "tfacc.dot-" + strings.ToLower(acctest.RandomName("x"))
		acctest.Steps(t, server.CheckUserGone(name), resource.TestStep{
			ConfigDirectory: userConfig(t), ConfigVariables: vars(name, good()),
			Check: server.CheckUserExists(name),
		})
		return
	}
	name := "tfacc.dot-" + acctest.RandomName("x")
	acctest.Steps(t, server.CheckUserGone(name), resource.TestStep{
		ConfigDirectory: userConfig(t),
		ConfigVariables: vars(name, good()),
		ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Create Milvus User") + ".*invalid user name.*" +
			acctest.Words("Servers older than Milvus 2.6 refuse '.' and '-' in usernames")),
	})
}

func good() string { return acctest.RandomPassword() }

// A password unknown at plan time passes the plan and is checked at apply,
// before anything is sent: the user is not created.
func TestAccUser_passwordUnknownAtPlanIsCheckedAtApply(t *testing.T) {
	server := acctest.Connect(t)
	name, source := acctest.RandomName("tfacc"), acctest.RandomName("tfacc_src")
	v := vars(name, good())
	v["source_name"] = config.StringVariable(source)
	acctest.Steps(t, resource.ComposeAggregateTestCheckFunc(server.CheckUserGone(name), server.CheckUserGone(source)),
		resource.TestStep{
			ConfigDirectory: acctest.Config(t, "testdata/unknown_password"),
			ConfigVariables: v,
			ExpectError:     regexp.MustCompile(`(?s)` + badPassword("it is 3 bytes long")),
		},
		resource.TestStep{
			// Nothing reached Milvus for the rejected user.
			PreConfig:          func() { acctest.Must(t, server.CheckUserGone(name)(nil)) },
			ConfigDirectory:    userConfig(t),
			ConfigVariables:    vars(source, good()),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		},
	)
}
