// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// The provider talks to the real server through a proxy that loses, delays
// or withholds Milvus's answers (acctest.Proxy).

func checkCalls(p *acctest.Proxy, method string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := p.Calls(method); got != want {
			return fmt.Errorf("%s was sent %d times, want %d (all calls: %v)", method, got, want, p.CallsByMethod())
		}
		return nil
	}
}

// Milvus creates the user but its answer is lost: the provider does not
// send the create again (which would fail as "already exists"); it finds the
// user logging in with the configured password and records it, without an
// error.
func TestAccUser_lostReplyToCreateConverges(t *testing.T) {
	server := acctest.Connect(t)
	proxy := acctest.StartProxy(t, server.Address)
	proxy.LoseReplyTo("CreateCredential", 3500*time.Millisecond)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name), resource.TestStep{
		ConfigDirectory: userConfig(t),
		ConfigVariables: vars(name, password, "address", proxy.Address, "timeout", "3s"),
		Check: resource.ComposeAggregateTestCheckFunc(
			server.CheckLogin(name, password),
			resource.TestCheckResourceAttr(addr, "id", name),
			checkCalls(proxy, "CreateCredential", 1),
		),
		ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
	})
}

// Milvus changes the password but its answer is lost: sending the change
// again with the old password would fail; the provider finds the new
// password logging in and is done.
func TestAccUser_lostReplyToRotationConverges(t *testing.T) {
	server := acctest.Connect(t)
	proxy := acctest.StartProxy(t, server.Address)
	name, first, second := acctest.RandomName("tfacc"), acctest.RandomPassword(), acctest.RandomPassword()
	through := func(password string) resource.TestStep {
		return resource.TestStep{
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, password, "address", proxy.Address, "timeout", "3s", "super_user", false),
		}
	}
	step1, step2 := through(first), through(second)
	step2.PreConfig = func() {
		proxy.ResetCalls()
		proxy.LoseReplyTo("UpdateCredential", 3500*time.Millisecond)
	}
	step2.Check = resource.ComposeAggregateTestCheckFunc(
		server.CheckLogin(name, second),
		server.CheckNoLogin(name, first),
		checkCalls(proxy, "UpdateCredential", 1),
	)
	acctest.Steps(t, server.CheckUserGone(name), step1, step2)
}

// Milvus stops answering: a plan waits at most timeout × (max_retries + 1)
// plus the back-off, and says so plainly.
func TestAccUser_hungServerDuringPlan(t *testing.T) {
	server := acctest.Connect(t)
	proxy := acctest.StartProxy(t, server.Address)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	var started time.Time
	acctest.Steps(t, server.CheckUserGone(name),
		resource.TestStep{
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, password, "address", proxy.Address),
		},
		resource.TestStep{
			PreConfig: func() {
				proxy.StopAnswering()
				started = time.Now()
			},
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, password, "address", proxy.Address, "timeout", "2s", "max_retries", 1),
			PlanOnly:        true,
			ExpectError: regexp.MustCompile(`(?s)` + acctest.Words("Unable to Read Milvus User") + ".*" +
				acctest.Words("Milvus did not answer before the timeout (waited 2s for each answer; sent 2 times)") + ".*" +
				acctest.Words("timeout × (max_retries + 1) plus that back-off")),
		},
		resource.TestStep{
			// Bounded: two tries of 2 s and a 1 s back-off, plus the CLI's own work.
			PreConfig: func() {
				if took := time.Since(started); took > 20*time.Second {
					t.Errorf("the plan against a hung server took %s", took)
				}
			},
			// Back to the server itself, so the test can clean up.
			ConfigDirectory: userConfig(t),
			ConfigVariables: vars(name, password),
		},
	)
}

// Slow answers (each frame held 60 ms) change nothing: nothing is sent
// twice.
func TestAccUser_slowServerIsNotAnError(t *testing.T) {
	server := acctest.Connect(t)
	proxy := acctest.StartProxy(t, server.Address)
	proxy.Delay(60 * time.Millisecond)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	acctest.Steps(t, server.CheckUserGone(name), resource.TestStep{
		ConfigDirectory: userConfig(t),
		ConfigVariables: vars(name, password, "address", proxy.Address, "timeout", "3s"),
		Check: resource.ComposeAggregateTestCheckFunc(
			server.CheckLogin(name, password),
			checkCalls(proxy, "CreateCredential", 1),
		),
	})
}

// Milvus creates the user, but every answer to reading it back is lost: the
// user is recorded anyway, with a warning, not tainted (which would make the
// next apply delete and re-create it), and the next plan is empty.
func TestAccUser_failedReadBackAfterCreateIsAWarning(t *testing.T) {
	server := acctest.Connect(t)
	proxy := acctest.StartProxy(t, server.Address)
	name, password := acctest.RandomName("tfacc"), acctest.RandomPassword()
	t.Cleanup(func() { _ = server.DropUser(name) })
	cli := acctest.NewCLI(t, fmt.Sprintf(`
provider "milvus" {
  address     = %q
  timeout     = "2s"
  max_retries = 1
}

resource "milvus_user" "test" {
  name     = %q
  password = %q
}
`, proxy.Address, name, password))

	proxy.LoseEveryReplyTo("SelectUser")
	applied := cli.MustRun("apply", "-auto-approve", "-input=false")
	proxy.LoseEveryReplyTo("")
	if !regexp.MustCompile(`Warning: Unable to Read Back Milvus User`).MatchString(applied.Output) {
		t.Errorf("the apply gave no read-back warning:\n%s", applied.Output)
	}
	if proxy.Calls("SelectUser") == 0 {
		t.Fatal("the apply never read the user back, so nothing was tested")
	}
	if shown := cli.MustRun("state", "show", "milvus_user.test"); regexp.MustCompile(`tainted`).MatchString(shown.Output) {
		t.Errorf("the user is tainted:\n%s", shown.Output)
	}
	if plan := cli.Run("plan", "-detailed-exitcode", "-input=false"); plan.Code != 0 {
		t.Errorf("the plan after it is not empty (exit %d):\n%s", plan.Code, plan.Output)
	}
	if err := server.Login(name, password); err != nil {
		t.Errorf("%s does not log in: %v", name, err)
	}
}
