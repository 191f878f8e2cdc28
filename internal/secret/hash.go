// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package secret remembers which write-only secret was last sent without
// storing it: a salted, slow hash, kept only in a resource's private state.
package secret

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"fmt"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's minimum recommendation (19 MiB, two passes),
// about 20 ms per hash on a slow core. A leaked state file then costs an
// attacker that much per guess, where a plain SHA-256 would cost nanoseconds.
const (
	memoryKiB = 19 * 1024
	passes    = 2
	lanes     = 1
	keyLen    = 32
	saltLen   = 16
)

// Digest is what is stored: the parameters, the salt and the hash.
type Digest struct {
	Algorithm string `json:"alg"`
	Memory    uint32 `json:"m"`
	Passes    uint32 `json:"t"`
	Lanes     uint8  `json:"p"`
	Salt      []byte `json:"salt"`
	Hash      []byte `json:"hash"`
}

const algorithm = "argon2id"

// Hash returns the digest of value with a fresh random salt, as JSON (the
// form private state takes).
func Hash(value string) ([]byte, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	d := Digest{Algorithm: algorithm, Memory: memoryKiB, Passes: passes, Lanes: lanes, Salt: salt}
	d.Hash = d.compute(value)
	return json.Marshal(d)
}

// Matches reports whether value is the one stored digest was made from. It
// fails on a digest it cannot read, so a caller can tell "no digest" from
// "different value".
func Matches(stored []byte, value string) (bool, error) {
	var d Digest
	if err := json.Unmarshal(stored, &d); err != nil {
		return false, fmt.Errorf("the stored digest is not readable: %w", err)
	}
	if d.Algorithm != algorithm || len(d.Salt) == 0 || len(d.Hash) != keyLen || d.Memory == 0 || d.Passes == 0 || d.Lanes == 0 {
		return false, fmt.Errorf("the stored digest has unknown parameters (%s)", d.Algorithm)
	}
	return subtle.ConstantTimeCompare(d.compute(value), d.Hash) == 1, nil
}

func (d Digest) compute(value string) []byte {
	return argon2.IDKey([]byte(value), d.Salt, d.Passes, d.Memory, d.Lanes, keyLen)
}
