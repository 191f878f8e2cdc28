package diagnostics

import (
	"errors"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

func TestMilvusErrorSpeaksInOneVoice(t *testing.T) {
	err := &milvus.Error{Kind: milvus.ErrPermissionDenied, Op: "create user bob",
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

func TestEveryKindHasARemedy(t *testing.T) {
	generic := Remedy(milvus.ErrUnclassifiedError)
	for _, kind := range []milvus.Kind{milvus.ErrNotFound, milvus.ErrUnauthenticated, milvus.ErrPermissionDenied, milvus.ErrUnavailable,
		milvus.ErrLimitExceeded, milvus.ErrInvalidArgument, milvus.ErrTLS} {
		if Remedy(kind) == generic {
			t.Errorf("%s has only the generic remedy", kind)
		}
	}
}

func TestUnclassifiedErrorIsABug(t *testing.T) {
	if d := Detail(errors.New("boom")); !strings.Contains(d, "bug in the provider") {
		t.Fatalf("detail %q", d)
	}
}
