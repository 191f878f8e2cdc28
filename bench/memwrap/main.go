// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Command memwrap runs the provider binary beside it (provider.real) as the
// CLI would run the provider itself, and when it exits appends the peak
// resident memory it reached (KiB) to the file BENCH_MEM_LOG names. The
// benchmark puts it in place of the provider for its memory runs only.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

func main() {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cmd := exec.Command(filepath.Join(filepath.Dir(self), "provider.real"), os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	if usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && os.Getenv("BENCH_MEM_LOG") != "" {
		if f, ferr := os.OpenFile(os.Getenv("BENCH_MEM_LOG"), os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600); ferr == nil {
			_, _ = fmt.Fprintln(f, usage.Maxrss)
			_ = f.Close()
		}
	}
	if exit, ok := err.(*exec.ExitError); ok {
		os.Exit(exit.ExitCode())
	}
}
