// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// scripts/milvus-server.sh says "ready" only for a server on the address it
// prints. Here that port is taken by something that accepts connections but
// is not Milvus (as when two servers race for a port): the PyPI package then
// moves its proxy to the next free port without a word, and its health page
// may still say OK. The script must see that, fail, and never say ready.
// Run once, in the primary pass (it needs no CLI).
func TestServerScript_neverReadyOnATakenPort(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("starts a Milvus server: set TF_ACC (make test does)")
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = taken.Close() }()
	go func() { // accept and say nothing, as a server that is not Milvus
		for {
			c, err := taken.Accept()
			if err != nil {
				return
			}
			defer func() { _ = c.Close() }()
		}
	}()
	_, port, err := net.SplitHostPort(taken.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "MILVUS_TEST_INSTANCE=tfacc-taken-port", "MILVUS_TEST_PORT="+port,
		"MILVUS_START_ATTEMPTS=1")
	stop := exec.Command("bash", "../../scripts/milvus-server.sh", "stop")
	stop.Env = env
	t.Cleanup(func() { _ = stop.Run() })

	start := exec.Command("bash", "../../scripts/milvus-server.sh", "start")
	start.Env = env
	began := time.Now()
	out, err := start.CombinedOutput()
	t.Logf("the script gave up after %s", time.Since(began).Round(time.Second))
	if err == nil {
		t.Fatalf("the script succeeded on a port Milvus does not answer:\n%s", out)
	}
	if strings.Contains(string(out), "ready:") {
		t.Errorf("the script said ready:\n%s", out)
	}
	if !strings.Contains(string(out), "port "+port+" was taken when Milvus started") {
		t.Errorf("the script does not say that the port was taken:\n%s", lastLines(string(out), 15))
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
