// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package secret

import (
	"bytes"
	"encoding/base64"
	"testing"
)

func TestHash_matchesOnlyItsValue(t *testing.T) {
	stored, err := Hash("Correct_horse_1")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := Matches(stored, "Correct_horse_1"); !ok || err != nil {
		t.Fatalf("the same value: %v, %v", ok, err)
	}
	if ok, err := Matches(stored, "Correct_horse_2"); ok || err != nil {
		t.Fatalf("another value: %v, %v", ok, err)
	}
}

func TestHash_neverHoldsTheValue(t *testing.T) {
	value := "Visible_if_leaked_42"
	stored, err := Hash(value)
	if err != nil {
		t.Fatal(err)
	}
	for _, form := range [][]byte{[]byte(value), []byte(base64.StdEncoding.EncodeToString([]byte(value)))} {
		if bytes.Contains(stored, form) {
			t.Fatalf("the digest holds the value: %s", stored)
		}
	}
}

func TestHash_saltedPerCall(t *testing.T) {
	a, _ := Hash("same_value")
	b, _ := Hash("same_value")
	if bytes.Equal(a, b) {
		t.Fatal("two digests of one value are equal: the salt is not random")
	}
}

func TestMatches_unreadableDigest(t *testing.T) {
	for _, stored := range []string{`not json`, `{"alg":"md5"}`, `{}`} {
		if _, err := Matches([]byte(stored), "x"); err == nil {
			t.Errorf("%s: no error", stored)
		}
	}
}
