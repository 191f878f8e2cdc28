// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package journal keeps, on the machine that runs Terraform, proof of the
// objects the provider started creating.
package journal

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"time"
)

// Journal records, on the machine that runs Terraform, the objects the
// provider is creating for one working directory and one Milvus server,
// until Terraform has recorded them in its state. Terraform writes its state
// every 20 seconds during an apply, so an apply killed outright (SIGKILL, a
// CI runner's timeout) leaves up to 20 seconds of creations unrecorded; the
// next apply finds them already there. For a role, nothing on the server
// proves who made it, and by then the killed run may have granted it
// privileges and bound users to it: an entry here proves that this
// configuration started creating it, on this machine, when it did not exist.
//
// One file per object, written before the create is sent and removed once a
// refresh finds the object in state (or it is destroyed); entries older than
// a week are ignored. A journal that cannot be written costs only that proof.
type Journal struct {
	dir string
}

// journalTTL bounds how long an entry proves anything.
const journalTTL = 7 * 24 * time.Hour

// Open opens the journal of this working directory for the server at
// endpoint, under the user's cache directory (or MILVUS_PROVIDER_JOURNAL_DIR).
// It creates nothing until an entry is written.
func Open(endpoint string) *Journal {
	base := os.Getenv("MILVUS_PROVIDER_JOURNAL_DIR")
	if base == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return &Journal{}
		}
		base = filepath.Join(cache, "terraform-provider-milvus", "creating")
	}
	wd, _ := os.Getwd()
	sum := sha256.Sum256([]byte(endpoint + "\x00" + wd))
	return &Journal{dir: filepath.Join(base, hex.EncodeToString(sum[:12]))}
}

// path is where the entry of one object lives; names cannot hold '/'.
func (j *Journal) path(kind, name string) string { return filepath.Join(j.dir, kind, name) }

// Intend records, durably, that the provider is about to create an object
// that does not exist.
func (j *Journal) Intend(kind, name string) error {
	if j == nil || j.dir == "" {
		return nil
	}
	p := j.path(kind, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(time.Now().UTC().Format(time.RFC3339) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}

// Intended reports whether this working directory started creating the
// object, within the last week, and Terraform has not recorded it since.
func (j *Journal) Intended(kind, name string) bool {
	if j == nil || j.dir == "" {
		return false
	}
	info, err := os.Stat(j.path(kind, name))
	return err == nil && time.Since(info.ModTime()) < journalTTL
}

// Forget removes an object's entry: Terraform has recorded it, or it is gone.
func (j *Journal) Forget(kind, name string) {
	if j == nil || j.dir == "" {
		return
	}
	_ = os.Remove(j.path(kind, name))
}
