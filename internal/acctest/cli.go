// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
)

// CLI runs the real Terraform-compatible CLI (TF_ACC_TERRAFORM_PATH) on a
// working directory, with the provider built from this repository served
// through dev_overrides, as a user would run it: for tests that need what
// the test framework hides (the text of a plan, a killed process, exit codes).
type CLI struct {
	t   *testing.T
	Bin string
	Dir string
	Env []string
	// Printed collects everything the CLI printed, for secret checks.
	Printed bytes.Buffer
}

var (
	buildOnce  sync.Once
	builtDir   string
	builtError error
)

// BuiltProvider builds the provider binary once per test run and returns
// the directory holding it.
func BuiltProvider(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		// Shared by every test of the run, so not a t.TempDir.
		dir, err := os.MkdirTemp("", "tfacc-provider-") //nolint:usetesting
		if err != nil {
			builtError = err
			return
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-milvus"), ".")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			builtError = fmt.Errorf("build the provider: %v\n%s", err, out)
			return
		}
		builtDir = dir
	})
	if builtError != nil {
		t.Fatal(builtError)
	}
	return builtDir
}

// NewCLI prepares a working directory with main.tf (mainTF after a
// required_providers block for the provider) and a CLI configuration that
// serves the built provider. Extra environment entries are added after the
// process's own.
func NewCLI(t *testing.T, mainTF string, env ...string) *CLI {
	t.Helper()
	header := fmt.Sprintf("terraform {\n  required_providers {\n    milvus = { source = %q }\n  }\n}\n\n", provider.Source)
	return NewCLIFiles(t, map[string]string{"main.tf": header + mainTF}, env...)
}

// NewCLIFiles is NewCLI with the configuration files given as they are.
func NewCLIFiles(t *testing.T, files map[string]string, env ...string) *CLI {
	t.Helper()
	PreCheck(t)
	bin := BuiltProvider(t)
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "cli.tfrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n    %q = %q\n  }\n  direct {}\n}\n",
		"registry.terraform.io/"+provider.Source, bin, "registry.opentofu.org/"+provider.Source, bin)
	Must(t, os.WriteFile(cliConfig, []byte(overrides), 0o600))
	work := filepath.Join(dir, "work")
	Must(t, os.MkdirAll(work, 0o700))
	for name, text := range files {
		Must(t, os.WriteFile(filepath.Join(work, name), []byte(text), 0o600))
	}
	base := append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	for _, command := range []string{"plan", "apply", "destroy", "validate", "import", "refresh"} {
		base = append(base, "TF_CLI_ARGS_"+command+"=-no-color")
	}
	return &CLI{t: t, Bin: os.Getenv("TF_ACC_TERRAFORM_PATH"), Dir: work, Env: append(base, env...)}
}

// Result is one CLI run.
type Result struct {
	Output string
	Code   int
	Took   time.Duration
}

// Run runs the CLI with args and returns what it printed and its exit code.
func (c *CLI) Run(args ...string) Result {
	c.t.Helper()
	start := time.Now()
	cmd := exec.Command(c.Bin, args...)
	cmd.Dir, cmd.Env = c.Dir, c.Env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	c.Printed.Write(out.Bytes())
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		c.t.Fatalf("run %s: %v", c.Bin, err)
	}
	return Result{Output: out.String(), Code: code, Took: time.Since(start)}
}

// MustRun runs the CLI and fails the test unless it exits 0.
func (c *CLI) MustRun(args ...string) Result {
	c.t.Helper()
	r := c.Run(args...)
	if r.Code != 0 {
		c.t.Fatalf("%s %s exited %d:\n%s", filepath.Base(c.Bin), strings.Join(args, " "), r.Code, lastLines(r.Output, 40))
	}
	return r
}

// Start runs the CLI in the background, in a process group of its own (with
// the provider processes it starts), for a test that kills it.
func (c *CLI) Start(ctx context.Context, args ...string) *exec.Cmd {
	c.t.Helper()
	cmd := exec.CommandContext(ctx, c.Bin, args...)
	cmd.Dir, cmd.Env = c.Dir, c.Env
	cmd.Stdout, cmd.Stderr = &c.Printed, &c.Printed
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	Must(c.t, cmd.Start())
	return cmd
}

// KillGroup sends SIGKILL to a started CLI and every process it started.
func KillGroup(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Wait()
}

// WriteFile adds or replaces a file in the working directory.
func (c *CLI) WriteFile(name, text string) {
	c.t.Helper()
	Must(c.t, os.WriteFile(filepath.Join(c.Dir, name), []byte(text), 0o600))
}

// ReadFile reads a file of the working directory ("" when it is missing).
func (c *CLI) ReadFile(name string) string {
	data, _ := os.ReadFile(filepath.Join(c.Dir, name))
	return string(data)
}

// Version is the CLI's version, e.g. 1.11.4.
func (c *CLI) Version() *version.Version {
	c.t.Helper()
	out, err := exec.Command(c.Bin, "version").Output()
	if err != nil {
		c.t.Fatal(err)
	}
	fields := strings.Fields(strings.SplitN(string(out), "\n", 2)[0])
	v, err := version.NewVersion(strings.TrimPrefix(fields[len(fields)-1], "v"))
	if err != nil {
		c.t.Fatalf("read the CLI version from %q: %v", out, err)
	}
	return v
}

// SkipBelow skips the test on a CLI older than minimum, saying why.
func (c *CLI) SkipBelow(minimum, why string) {
	c.t.Helper()
	if c.Version().LessThan(version.Must(version.NewVersion(minimum))) {
		c.t.Skipf("%s needs a CLI %s or later; this one is %s", why, minimum, c.Version())
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
