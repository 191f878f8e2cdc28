// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

// manyUsers is a configuration of count users, each with its own password,
// reading the server from variables.
const manyUsers = `
variable "address" {
  type = string
}
variable "prefix" {
  type = string
}
variable "count_users" {
  type = number
}

provider "milvus" {
  address     = var.address
  timeout     = "3s"
  max_retries = 2
}

resource "milvus_user" "many" {
  for_each = toset([for i in range(var.count_users) : format("%s_%02d", var.prefix, i)])
  name     = each.key
  password = "Pw_${each.key}"
}
`

func password(name string) string { return "Pw_" + name }

// names are the users manyUsers creates.
func names(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s_%02d", prefix, i)
	}
	return out
}

// waitForUsers waits until Milvus has at least atLeast of the users.
func waitForUsers(t *testing.T, server *acctest.Server, users []string, atLeast int, within time.Duration) int {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		all, err := server.Users()
		n := 0
		if err == nil {
			for _, u := range users {
				for _, a := range all {
					if a == u {
						n++
					}
				}
			}
		}
		if n >= atLeast || time.Now().After(deadline) {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// converged checks the end state: every user exists and logs in with its
// configured password, Milvus has none of ours beyond them (none stuck, none
// lost), and the plan is empty (exit code 0 with -detailed-exitcode).
func converged(t *testing.T, cli *acctest.CLI, server *acctest.Server, prefix string, users []string) {
	t.Helper()
	if r := cli.Run("plan", "-input=false", "-detailed-exitcode"); r.Code != 0 {
		t.Fatalf("the plan after the second apply is not empty (exit %d):\n%s", r.Code, r.Output)
	}
	all, err := server.Users()
	acctest.Must(t, err)
	ours := 0
	for _, u := range all {
		if strings.HasPrefix(u, prefix+"_") {
			ours++
		}
	}
	if ours != len(users) {
		t.Errorf("Milvus has %d users of this test, want %d", ours, len(users))
	}
	for _, u := range users {
		if err := server.Login(u, password(u)); err != nil {
			t.Errorf("user %s: %v", u, err)
		}
	}
}

// Terraform is killed (SIGKILL, with its provider) while it creates 24 users;
// the same apply run again converges with no manual step: users the killed
// run created log in with their configured passwords, so they are taken
// over, with a warning.
func TestAccE2E_terraformKilledMidApply(t *testing.T) {
	server := acctest.Connect(t)
	prefix := strings.ToLower(acctest.RandomName("tfk"))
	users := names(prefix, 24)
	t.Cleanup(func() { dropAll(server, users) })
	cli := acctest.NewCLI(t, manyUsers, "TF_VAR_address="+server.Address, "TF_VAR_prefix="+prefix, "TF_VAR_count_users=24")

	run := cli.Start(context.Background(), "apply", "-auto-approve", "-input=false", "-parallelism=4")
	made := waitForUsers(t, server, users, 6, 60*time.Second)
	acctest.KillGroup(run)
	t.Logf("killed Terraform with %d of %d users created; state file: %d bytes", made, len(users), len(cli.ReadFile("terraform.tfstate")))
	if made == len(users) {
		t.Fatal("the apply finished before it could be killed; the test proves nothing")
	}

	// Users the killed run created but did not record. A kill can land when
	// every created user was recorded; then one is created here as the
	// killed run would have, so each run proves the take-over.
	time.Sleep(time.Second) // creates already sent still land
	orphans := unrecorded(t, cli, server, users)
	if len(orphans) == 0 {
		for _, u := range users {
			if exists, err := server.UserExists(u); err == nil && !exists {
				acctest.Must(t, server.CreateUser(u, password(u)))
				orphans = []string{u}
				t.Logf("every created user was recorded; created %s as an interrupted create would", u)
				break
			}
		}
	}
	t.Logf("%d users on the server but not in state: %v", len(orphans), orphans)

	again := cli.MustRun("apply", "-auto-approve", "-input=false")
	said := strings.Join(strings.Fields(again.Output), " ") // the CLI wraps warnings
	for _, u := range orphans {
		if !strings.Contains(said, "Warning: Existing Milvus User Taken Over: "+u+" ") {
			t.Errorf("the second apply did not say it took %s over:\n%s", u, again.Output)
		}
	}
	converged(t, cli, server, prefix, users)
	cli.MustRun("destroy", "-auto-approve", "-input=false")
}

// unrecorded lists the users Milvus has that the state file does not.
func unrecorded(t *testing.T, cli *acctest.CLI, server *acctest.Server, users []string) []string {
	t.Helper()
	var state struct {
		Resources []struct {
			Instances []struct {
				Attributes struct {
					Name string `json:"name"`
				} `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	recorded := map[string]bool{}
	if raw := cli.ReadFile("terraform.tfstate"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &state); err != nil {
			t.Logf("the killed run left a state file that does not parse (%v); counting it as empty", err)
		}
	}
	for _, r := range state.Resources {
		for _, i := range r.Instances {
			recorded[i.Attributes.Name] = true
		}
	}
	var out []string
	for _, u := range users {
		exists, err := server.UserExists(u)
		acctest.Must(t, err)
		if exists && !recorded[u] {
			out = append(out, u)
		}
	}
	return out
}

// Milvus is killed (SIGKILL) while Terraform creates 24 users, and restarted
// on the same data; the same apply again converges: no user stuck (created
// but not in state), none lost.
func TestAccE2E_milvusKilledMidApply(t *testing.T) {
	server := acctest.ConnectDefaults(t)
	instance := os.Getenv("MILVUS_TEST_DEFAULTS_INSTANCE")
	if instance == "" {
		t.Skip("needs the defaults server run by scripts/milvus-server.sh (MILVUS_TEST_DEFAULTS_INSTANCE): it is killed and restarted")
	}
	prefix := strings.ToLower(acctest.RandomName("tfm"))
	users := names(prefix, 24)
	t.Cleanup(func() { dropAll(server, users) })
	cli := acctest.NewCLI(t, manyUsers, "TF_VAR_address="+server.Address, "TF_VAR_prefix="+prefix, "TF_VAR_count_users=24",
		"MILVUS_USERNAME=root", "MILVUS_PASSWORD=Milvus")

	run := cli.Start(context.Background(), "apply", "-auto-approve", "-input=false", "-parallelism=4")
	made := waitForUsers(t, server, users, 6, 60*time.Second)
	milvusServer(t, instance, "kill")
	_ = run.Wait() // the apply fails: Milvus is gone
	t.Logf("killed Milvus with %d of %d users created", made, len(users))
	if made == len(users) {
		t.Fatal("the apply finished before Milvus could be killed; the test proves nothing")
	}
	milvusServer(t, instance, "restart")

	cli.MustRun("apply", "-auto-approve", "-input=false")
	converged(t, cli, server, prefix, users)
	cli.MustRun("destroy", "-auto-approve", "-input=false")
}

// milvusServer runs scripts/milvus-server.sh for a test server instance.
func milvusServer(t *testing.T, instance, command string) {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(file), "..", "..", "scripts", "milvus-server.sh")
	cmd := exec.Command("bash", script, command)
	cmd.Env = append(os.Environ(), "MILVUS_TEST_INSTANCE="+instance)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("milvus-server.sh %s: %v\n%s", command, err, out)
	}
}

func dropAll(server *acctest.Server, users []string) {
	for _, u := range users {
		_ = server.DropUser(u)
	}
}
