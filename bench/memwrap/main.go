// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Command memwrap runs the provider binary beside it (provider.real) as the
// CLI would run the provider itself, and when it exits appends two numbers
// to the file BENCH_MEM_LOG names: the peak resident memory the provider
// reached, and the peak of its anonymous part (what it allocated, without
// the pages of its own binary), both in KiB. The anonymous peak is sampled
// from /proc every 10 ms. The benchmark puts memwrap in place of the
// provider for its memory runs only.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	self, err := os.Executable()
	if err != nil {
		_, _ = fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cmd := exec.Command(filepath.Join(filepath.Dir(self), "provider.real"), os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		_, _ = fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var anonPeak atomic.Int64
	done := make(chan struct{})
	go func() {
		status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
		for {
			if kib := rssAnon(status); kib > anonPeak.Load() {
				anonPeak.Store(kib)
			}
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	err = cmd.Wait()
	close(done)
	if usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && os.Getenv("BENCH_MEM_LOG") != "" {
		if f, ferr := os.OpenFile(os.Getenv("BENCH_MEM_LOG"), os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600); ferr == nil {
			_, _ = fmt.Fprintln(f, usage.Maxrss, anonPeak.Load())
			_ = f.Close()
		}
	}
	if exit, ok := err.(*exec.ExitError); ok {
		os.Exit(exit.ExitCode())
	}
}

// rssAnon reads RssAnon (KiB) from a /proc status file; 0 when unreadable.
func rssAnon(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		if rest, ok := strings.CutPrefix(scanner.Text(), "RssAnon:"); ok {
			kib, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kib
		}
	}
	return 0
}
