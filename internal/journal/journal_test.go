// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package journal

import (
	"os"
	"testing"
	"time"
)

func TestJournal(t *testing.T) {
	t.Setenv("MILVUS_PROVIDER_JOURNAL_DIR", t.TempDir())
	j := Open("127.0.0.1:19530")
	if j.Intended("role", "r1") {
		t.Fatal("an empty journal proves something")
	}
	if err := j.Intend("role", "r1"); err != nil {
		t.Fatal(err)
	}
	if !j.Intended("role", "r1") || j.Intended("role", "r2") || j.Intended("database", "r1") {
		t.Fatal("the entry proves the wrong objects")
	}
	// Another server, or another working directory, has its own journal.
	if Open("127.0.0.1:19531").Intended("role", "r1") {
		t.Fatal("another server's journal has the entry")
	}
	wd, _ := os.Getwd()
	t.Chdir(t.TempDir())
	if Open("127.0.0.1:19530").Intended("role", "r1") {
		t.Fatal("another working directory's journal has the entry")
	}
	t.Chdir(wd)
	// A week-old entry proves nothing.
	old := time.Now().Add(-8 * 24 * time.Hour)
	if err := os.Chtimes(j.path("role", "r1"), old, old); err != nil {
		t.Fatal(err)
	}
	if j.Intended("role", "r1") {
		t.Fatal("an expired entry still proves it")
	}
	_ = j.Intend("role", "r1")
	j.Forget("role", "r1")
	if j.Intended("role", "r1") {
		t.Fatal("a forgotten entry still proves it")
	}
	// No journal (no cache directory): nothing is proven, nothing fails.
	var none *Journal
	if none.Intend("role", "r1") != nil || none.Intended("role", "r1") {
		t.Fatal("a nil journal")
	}
	none.Forget("role", "r1")
}
