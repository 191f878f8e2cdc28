// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package diagnostics

import (
	"errors"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func TestMilvusErrorSpeaksInOneVoice(t *testing.T) {
	err := &milvus.Error{Kind: milvus.ErrPermissionDenied, Entity: milvus.EntityUser, Op: "create user bob",
		Reason: "PrivilegeCreateOwnership: permission deny to alice in the `default` database"}
	d := MilvusError("Unable to Create Milvus User", err)
	if d.Summary() != "Unable to Create Milvus User" {
		t.Fatalf("summary %q", d.Summary())
	}
	for _, want := range []string{"could not create user bob", "permission deny to alice", "admin role", "CreateOwnership"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail does not mention %q:\n%s", want, d.Detail())
		}
	}
}

// The same kind of failure gets the advice of the object it concerns.
func TestRemedySpeaksOfTheObject(t *testing.T) {
	cases := []struct {
		err  *milvus.Error
		want string
	}{
		{&milvus.Error{Kind: milvus.ErrLimitExceeded, Entity: milvus.EntityUser}, "proxy.maxUserNum"},
		{&milvus.Error{Kind: milvus.ErrLimitExceeded, Entity: milvus.EntityRole}, "proxy.maxRoleNum"},
		{&milvus.Error{Kind: milvus.ErrLimitExceeded, Entity: milvus.EntityRole}, "admin and public count"},
		{&milvus.Error{Kind: milvus.ErrNotFound, Entity: milvus.EntityServer}, "db_name"},
		{&milvus.Error{Kind: milvus.ErrNotFound, Entity: milvus.EntityDatabase}, "depend on its milvus_database resource"},
		{&milvus.Error{Kind: milvus.ErrLimitExceeded, Entity: milvus.EntityDatabase}, "rootCoord.maxDatabaseNum"},
		{&milvus.Error{Kind: milvus.ErrInUse, Entity: milvus.EntityDatabase}, "drop its collections first"},
		{&milvus.Error{Kind: milvus.ErrPermissionDenied, Entity: milvus.EntityDatabase}, "CreateDatabase"},
		{&milvus.Error{Kind: milvus.ErrNotFound, Entity: milvus.EntityBinding}, "user and the role to exist"},
		{&milvus.Error{Kind: milvus.ErrInUse, Entity: milvus.EntityPrivilegeGroup}, "Revoke the group"},
		{&milvus.Error{Kind: milvus.ErrInvalidArgument, Entity: milvus.EntityUser}, "'.' and '-'"},
		{&milvus.Error{Kind: milvus.ErrUnavailable, Timeout: 5e9, Attempts: 4}, "timeout × (max_retries + 1)"},
	}
	for _, c := range cases {
		if got := Remedy(c.err); !strings.Contains(got, c.want) {
			t.Errorf("%s/%s: %q does not mention %q", c.err.Kind, c.err.Entity, got, c.want)
		}
	}
	for _, wrong := range []string{"maxUserNum", "'.' and '-'"} {
		if strings.Contains(Remedy(&milvus.Error{Kind: milvus.ErrLimitExceeded, Entity: milvus.EntityRole}), wrong) {
			t.Errorf("the role limit advice speaks of %s", wrong)
		}
	}
}

// A request Milvus never answered says how long each wait was and how often
// it was sent.
func TestUnansweredRequestSaysHowLongAndHowOften(t *testing.T) {
	d := Detail(&milvus.Error{Kind: milvus.ErrUnavailable, Op: "read user bob", Reason: "Milvus did not answer before the timeout",
		Timeout: 5e9, Attempts: 4})
	for _, want := range []string{"did not answer", "waited 5s for each answer", "sent 4 times", "max_retries"} {
		if !strings.Contains(d, want) {
			t.Errorf("%q is missing from:\n%s", want, d)
		}
	}
}

func TestUnclassifiedErrorIsABug(t *testing.T) {
	if d := Detail(errors.New("boom")); !strings.Contains(d, "bug in the provider") {
		t.Fatalf("detail %q", d)
	}
}
