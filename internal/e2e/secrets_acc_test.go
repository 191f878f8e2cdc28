package e2e_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
)

const configTF = `
terraform {
  required_providers {
    milvus = { source = %q }
  }
}

variable "stored_password" {
  type      = string
  sensitive = true
}
variable "wo_password" {
  type      = string
  ephemeral = true
}
variable "wo_version" {
  type = string
}
variable "prefix" {
  type = string
}

resource "milvus_user" "stored" {
  name     = "${var.prefix}_stored"
  password = var.stored_password
}

resource "milvus_user" "write_only" {
  name                = "${var.prefix}_wo"
  password_wo         = var.wo_password
  password_wo_version = var.wo_version
}

data "milvus_users" "all" {
  depends_on = [milvus_user.stored, milvus_user.write_only]
}

output "names" {
  value = data.milvus_users.all.names
}
`

// cli runs the CLI in dir with TF_LOG=TRACE and collects everything it and
// the provider print or log.
type cli struct {
	t       *testing.T
	bin     string
	dir     string
	env     []string
	printed bytes.Buffer
}

func (c *cli) run(args ...string) error {
	cmd := exec.Command(c.bin, args...)
	cmd.Dir = c.dir
	cmd.Env = c.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	c.printed.Write(out.Bytes())
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", filepath.Base(c.bin), strings.Join(args, " "), err, lastLines(out.String(), 30))
	}
	return nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Passwords never appear in the CLI's output, in TRACE logs of the CLI and
// the provider, or (when write-only) in the state, through create, rotation,
// a failed login check and destroy.
func TestAccE2E_secretsStayOutOfLogsOutputAndState(t *testing.T) {
	server := acctest.Connect(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-milvus"), "../..")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the provider: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(dir, "cli.tfrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n    %q = %q\n  }\n  direct {}\n}\n",
		"registry.terraform.io/"+provider.Source, bin, "registry.opentofu.org/"+provider.Source, bin)
	must(t, os.WriteFile(cliConfig, []byte(overrides), 0o600))
	work := filepath.Join(dir, "work")
	must(t, os.MkdirAll(work, 0o700))
	must(t, os.WriteFile(filepath.Join(work, "main.tf"), []byte(fmt.Sprintf(configTF, provider.Source)), 0o600))

	prefix := acctest.RandomName("tfacc_e2e")
	stored, wo, stored2, wo2 := "St0red_"+prefix, "Wr1teOnly_"+prefix, "St0red2_"+prefix, "Wr1teOnly2_"+prefix
	logFile := filepath.Join(dir, "trace.log")
	base := append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_LOG=TRACE", "TF_LOG_PATH="+logFile,
		"TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_VAR_prefix="+prefix)
	c := &cli{t: t, bin: os.Getenv("TF_ACC_TERRAFORM_PATH"), dir: work}
	withPasswords := func(s, w, version string) []string {
		return append(append([]string{}, base...), "TF_VAR_stored_password="+s, "TF_VAR_wo_password="+w, "TF_VAR_wo_version="+version)
	}

	t.Cleanup(func() {
		c.env = withPasswords(stored2, wo2, "2")
		if err := c.run("destroy", "-auto-approve", "-input=false", "-no-color"); err != nil {
			t.Error(err)
		}
		for _, name := range []string{prefix + "_stored", prefix + "_wo"} {
			if ok, _ := server.UserExists(name); ok {
				t.Errorf("destroy left user %s", name)
				_ = server.DropUser(name)
			}
		}
		checkAbsent(t, c, logFile, work, map[string]string{"stored password": stored, "write-only password": wo,
			"rotated stored password": stored2, "rotated write-only password": wo2})
	})

	c.env = withPasswords(stored, wo, "1")
	must(t, c.run("apply", "-auto-approve", "-input=false", "-no-color"))
	must(t, server.Login(prefix+"_stored", stored))
	must(t, server.Login(prefix+"_wo", wo))

	// Drift: the stored password fails its login check on refresh.
	must(t, server.SetPassword(prefix+"_stored", stored, "Outside_"+prefix))
	c.env = withPasswords(stored2, wo2, "2")
	must(t, c.run("plan", "-input=false", "-no-color"))
	must(t, c.run("apply", "-auto-approve", "-input=false", "-no-color"))
	must(t, server.Login(prefix+"_stored", stored2))
	must(t, server.Login(prefix+"_wo", wo2))
	if err := server.Login(prefix+"_wo", wo); err == nil {
		t.Error("the old write-only password still works")
	}
	if !strings.Contains(c.printed.String(), "(sensitive value)") {
		t.Error("the plan did not show the password change as a sensitive value")
	}
}

func checkAbsent(t *testing.T, c *cli, logFile, work string, secrets map[string]string) {
	t.Helper()
	traceLog, err := os.ReadFile(logFile)
	must(t, err)
	if !bytes.Contains(traceLog, []byte("milvus")) || !bytes.Contains(traceLog, []byte("[TRACE]")) {
		t.Fatalf("the TRACE log holds no provider lines; is TF_LOG honoured? (%d bytes)", len(traceLog))
	}
	state, _ := os.ReadFile(filepath.Join(work, "terraform.tfstate"))
	backup, _ := os.ReadFile(filepath.Join(work, "terraform.tfstate.backup"))
	for what, secret := range secrets {
		if bytes.Contains(traceLog, []byte(secret)) {
			t.Errorf("the %s appears in the TRACE log", what)
		}
		if strings.Contains(c.printed.String(), secret) {
			t.Errorf("the %s appears in the CLI's output", what)
		}
		if strings.Contains(what, "write-only") && (bytes.Contains(state, []byte(secret)) || bytes.Contains(backup, []byte(secret))) {
			t.Errorf("the %s appears in the state", what)
		}
	}
	t.Logf("checked %d bytes of TRACE log and %d bytes of CLI output", len(traceLog), c.printed.Len())
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
