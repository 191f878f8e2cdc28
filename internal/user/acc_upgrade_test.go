// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package user_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/user"
)

// earlierState is one saved state of testdata/upgrade and the password its
// user was given.
type earlierState struct {
	release, form, password string
	writeOnly               bool
}

var earlierStates = []earlierState{
	{release: "v0.1.0", form: "password", password: "Upgrade_pass_010"},
	{release: "v0.1.0", form: "write_only", password: "Upgrade_wo_010", writeOnly: true},
}

type savedState struct {
	Resources []struct {
		Instances []struct {
			SchemaVersion int            `json:"schema_version"`
			Attributes    map[string]any `json:"attributes"`
		} `json:"instances"`
	} `json:"resources"`
}

func readSaved(t *testing.T, cli *acctest.CLI) (int, map[string]any) {
	t.Helper()
	var s savedState
	if err := json.Unmarshal([]byte(cli.ReadFile("terraform.tfstate")), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Resources) != 1 || len(s.Resources[0].Instances) != 1 {
		t.Fatalf("state holds %d resources", len(s.Resources))
	}
	i := s.Resources[0].Instances[0]
	return i.SchemaVersion, i.Attributes
}

// A state written by an earlier release is read by this build: it
// refreshes, upgrades to the current schema version, and plans no change,
// and the user's password is untouched.
//
// One exception, asserted exactly: 0.1.0 marked password_wo sensitive, and
// Terraform and OpenTofu keep that mark in state until an apply rewrites
// it. The current schema does not mark password_wo (see schema.go), so the
// first plan of such a state is an in-place update that changes no value;
// its apply sends no password, and the plan after it is empty.
func TestAccUser_statesOfEarlierReleases(t *testing.T) {
	server := acctest.Connect(t)
	for _, e := range earlierStates {
		t.Run(e.release+"/"+e.form, func(t *testing.T) {
			dir := filepath.Join("testdata", "upgrade", e.release, e.form)
			files := map[string]string{}
			for _, name := range []string{"main.tf", "terraform.tfstate"} {
				raw, err := os.ReadFile(filepath.Join(dir, name))
				acctest.Must(t, err)
				files[name] = string(raw)
			}
			// The state names the provider by the registry of the CLI that
			// wrote it; an OpenTofu user's state names OpenTofu's.
			if host := os.Getenv("TF_ACC_PROVIDER_HOST"); host != "" {
				files["terraform.tfstate"] = strings.ReplaceAll(files["terraform.tfstate"], "registry.terraform.io/", host+"/")
			}
			proxy := acctest.StartProxy(t, server.Address)
			cli := acctest.NewCLIFiles(t, files, "MILVUS_ADDRESS="+proxy.Address)
			if e.writeOnly {
				cli.SkipBelow("1.11.0", "write-only arguments")
			}
			version, before := readSaved(t, cli)
			name, _ := before["name"].(string)
			if name == "" || version != 0 {
				t.Fatalf("the saved state names user %q at schema version %d, want a user at 0.1.0's version 0", name, version)
			}
			_ = server.DropUser(name)
			acctest.Must(t, server.CreateUser(name, e.password))
			t.Cleanup(func() { _ = server.DropUser(name) })

			cli.MustRun("apply", "-refresh-only", "-auto-approve", "-input=false")
			version, after := readSaved(t, cli)
			if version != user.SchemaVersion {
				t.Errorf("after refresh the state has schema version %d, want %d", version, user.SchemaVersion)
			}
			wantRevision := any(nil)
			if e.writeOnly {
				wantRevision = "1"
			}
			if after["password_wo_revision"] != wantRevision {
				t.Errorf("password_wo_revision = %v, want %v", after["password_wo_revision"], wantRevision)
			}
			for _, attr := range []string{"id", "name", "password", "password_wo_version"} {
				if after[attr] != before[attr] {
					t.Errorf("%s changed in the upgrade: %v, was %v", attr, after[attr], before[attr])
				}
			}

			plan := cli.Run("plan", "-detailed-exitcode", "-input=false", "-out=first.plan")
			switch {
			case !e.writeOnly && plan.Code != 0:
				t.Fatalf("the first plan is not empty (exit %d):\n%s", plan.Code, plan.Output)
			case e.writeOnly:
				if plan.Code != 2 {
					t.Fatalf("the first plan exit code is %d, want 2 (the sensitive mark of 0.1.0 dropped):\n%s", plan.Code, plan.Output)
				}
				assertOnlyMarksChange(t, cli)
				proxy.ResetCalls()
				cli.MustRun("apply", "-auto-approve", "-input=false", "first.plan")
				if n := proxy.Calls("UpdateCredential"); n != 0 {
					t.Errorf("the apply sent a password %d times", n)
				}
				if plan := cli.Run("plan", "-detailed-exitcode", "-input=false"); plan.Code != 0 {
					t.Fatalf("the plan after it is not empty (exit %d):\n%s", plan.Code, plan.Output)
				}
			}
			if err := server.Login(name, e.password); err != nil {
				t.Errorf("%s no longer logs in with its password: %v", name, err)
			}
		})
	}
}

// assertOnlyMarksChange checks the saved plan: one update, and no
// attribute differs between before and after.
func assertOnlyMarksChange(t *testing.T, cli *acctest.CLI) {
	t.Helper()
	var plan struct {
		ResourceChanges []struct {
			Change struct {
				Actions []string       `json:"actions"`
				Before  map[string]any `json:"before"`
				After   map[string]any `json:"after"`
				Unknown map[string]any `json:"after_unknown"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	shown := cli.MustRun("show", "-json", "first.plan")
	acctest.Must(t, json.Unmarshal([]byte(shown.Output), &plan))
	if len(plan.ResourceChanges) != 1 {
		t.Fatalf("%d resource changes, want 1", len(plan.ResourceChanges))
	}
	c := plan.ResourceChanges[0].Change
	if strings.Join(c.Actions, ",") != "update" {
		t.Fatalf("actions %v, want update", c.Actions)
	}
	for k, v := range c.Before {
		if before, after := mustJSON(v), mustJSON(c.After[k]); before != after {
			t.Errorf("the plan changes %s: %s -> %s", k, before, after)
		}
	}
	if len(c.Unknown) != 0 {
		t.Errorf("the plan leaves values unknown: %v", c.Unknown)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
