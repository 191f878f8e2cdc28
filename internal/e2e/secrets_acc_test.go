// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
)

const secretsConfig = `
variable "stored_password" {
  type      = string
  sensitive = true
}
variable "wo_password" {
  type      = string
  ephemeral = true
}
variable "prefix" {
  type = string
}

resource "milvus_user" "stored" {
  name     = "${var.prefix}_stored"
  password = var.stored_password
}

# No password_wo_version: a changed password_wo is found by its hash.
resource "milvus_user" "write_only" {
  name        = "${var.prefix}_wo"
  password_wo = var.wo_password
}

data "milvus_users" "all" {
  depends_on = [milvus_user.stored, milvus_user.write_only]
}

output "names" {
  value = data.milvus_users.all.names
}
`

// Passwords never appear in the CLI's output, in TRACE logs of the CLI and
// the provider, in the saved plan (JSON), or, when write-only, in the state,
// the private state in clear included: through create, a change of both
// passwords, drift found by login checks, and destroy.
func TestAccE2E_secretsStayOutOfLogsOutputPlanAndState(t *testing.T) {
	server := acctest.Connect(t)
	prefix := strings.ToLower(acctest.RandomName("tfs"))
	stored, wo, stored2, wo2 := "St0red_"+prefix, "Wr1teOnly_"+prefix, "St0red2_"+prefix, "Wr1teOnly2_"+prefix
	outside := "Outside_" + prefix
	logFile := filepath.Join(t.TempDir(), "trace.log")
	cli := acctest.NewCLI(t, secretsConfig, "TF_LOG=TRACE", "TF_LOG_PATH="+logFile, "TF_VAR_prefix="+prefix)
	cli.SkipBelow("1.11.0", "password_wo")
	use := func(s, w string) { cli.Env = append(cli.Env, "TF_VAR_stored_password="+s, "TF_VAR_wo_password="+w) }
	secrets := map[string]string{"stored password": stored, "write-only password": wo, "changed stored password": stored2,
		"changed write-only password": wo2, "password set outside": outside}
	t.Cleanup(func() {
		cli.Run("destroy", "-auto-approve", "-input=false")
		for _, name := range []string{prefix + "_stored", prefix + "_wo"} {
			if ok, _ := server.UserExists(name); ok {
				t.Errorf("destroy left user %s", name)
				_ = server.DropUser(name)
			}
		}
		checkAbsent(t, cli, logFile, secrets)
	})

	use(stored, wo)
	cli.MustRun("apply", "-auto-approve", "-input=false")
	acctest.Must(t, server.Login(prefix+"_stored", stored))
	acctest.Must(t, server.Login(prefix+"_wo", wo))
	if digest := privateState(t, cli, prefix+"_wo"); !strings.Contains(digest, `"alg":"argon2id"`) {
		t.Errorf("no hash of the write-only password in private state: %q", digest)
	}

	// Both passwords changed in the configuration: a saved plan, then apply.
	use(stored2, wo2)
	cli.MustRun("plan", "-input=false", "-out=tfplan")
	printed := cli.Printed.Len()
	show := cli.MustRun("show", "-json", "tfplan")
	// The JSON plan holds sensitive values by design; it is checked for the
	// write-only ones below, not counted as output a user sees.
	cli.Printed.Truncate(printed)
	cli.WriteFile("plan.json", show.Output)
	cli.MustRun("apply", "-auto-approve", "-input=false", "tfplan")
	acctest.Must(t, server.Login(prefix+"_stored", stored2))
	acctest.Must(t, server.Login(prefix+"_wo", wo2))
	if server.Login(prefix+"_wo", wo) == nil {
		t.Error("the old write-only password still works")
	}

	// Drift: both changed outside; the plan repairs both (login checks).
	acctest.Must(t, server.SetPassword(prefix+"_stored", stored2, outside))
	acctest.Must(t, server.SetPassword(prefix+"_wo", wo2, outside))
	plan := cli.MustRun("plan", "-input=false")
	for _, name := range []string{prefix + "_stored", prefix + "_wo"} {
		if !strings.Contains(plan.Output, "Warning: Milvus User Password Changed Outside Terraform: "+name) {
			t.Errorf("the plan does not explain the change of %s:\n%s", name, plan.Output)
		}
	}
	cli.MustRun("apply", "-auto-approve", "-input=false")
	acctest.Must(t, server.Login(prefix+"_stored", stored2))
	acctest.Must(t, server.Login(prefix+"_wo", wo2))
}

// privateState decodes the private state of the milvus_user named name.
func privateState(t *testing.T, cli *acctest.CLI, name string) string {
	t.Helper()
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Attributes map[string]any `json:"attributes"`
				Private    string         `json:"private"`
			} `json:"instances"`
		} `json:"resources"`
	}
	acctest.Must(t, json.Unmarshal([]byte(cli.ReadFile("terraform.tfstate")), &state))
	for _, r := range state.Resources {
		for _, i := range r.Instances {
			if r.Type == "milvus_user" && i.Attributes["name"] == name {
				return decodePrivate(i.Private)
			}
		}
	}
	t.Fatalf("no milvus_user %s in state", name)
	return ""
}

func checkAbsent(t *testing.T, cli *acctest.CLI, logFile string, secrets map[string]string) {
	t.Helper()
	traceLog, err := os.ReadFile(logFile)
	acctest.Must(t, err)
	if !bytes.Contains(traceLog, []byte("milvus")) || !bytes.Contains(traceLog, []byte("[TRACE]")) {
		t.Fatalf("the TRACE log holds no provider lines; is TF_LOG honoured? (%d bytes)", len(traceLog))
	}
	places := map[string]string{
		"the TRACE log":       string(traceLog),
		"the CLI's output":    cli.Printed.String(),
		"the saved plan":      cli.ReadFile("plan.json"),
		"the state":           cli.ReadFile("terraform.tfstate"),
		"the state's backup":  cli.ReadFile("terraform.tfstate.backup"),
		"the private state":   decodedPrivate(cli.ReadFile("terraform.tfstate")),
		"the private backups": decodedPrivate(cli.ReadFile("terraform.tfstate.backup")),
	}
	if places["the saved plan"] == "" {
		t.Fatal("no saved plan to check")
	}
	for what, secret := range secrets {
		for where, text := range places {
			byDesign := strings.Contains(where, "state") || where == "the saved plan"
			if byDesign && !strings.Contains(what, "write-only") {
				continue // `password` is kept in state and plan by design (sensitive)
			}
			if strings.Contains(text, secret) {
				t.Errorf("the %s appears in %s", what, where)
			}
		}
	}
	t.Logf("checked %d bytes of TRACE log, %d bytes of CLI output, a %d-byte saved plan",
		len(traceLog), cli.Printed.Len(), len(places["the saved plan"]))
}

// decodedPrivate decodes every private state in a state file.
func decodedPrivate(state string) string {
	var out strings.Builder
	for _, part := range strings.Split(state, `"private": "`)[1:] {
		out.WriteString(decodePrivate(part[:strings.IndexByte(part, '"')]))
	}
	return out.String()
}

// decodePrivate decodes one private state: base64 of a JSON object whose
// values are the provider's keys, each base64 again.
func decodePrivate(encoded string) string {
	raw, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		return ""
	}
	var keys map[string][]byte
	if json.Unmarshal(raw, &keys) != nil {
		return string(raw)
	}
	var out strings.Builder
	for k, v := range keys {
		out.WriteString(k + "=" + string(v) + "\n")
	}
	return out.String()
}
