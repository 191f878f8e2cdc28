// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package diagnostics

import (
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Every kind of object has advice of its own for every kind of failure whose
// remedy depends on the object: none is missing, none is empty, and no two
// kinds of object share a text, so a new entity cannot inherit the wording
// of another (as a database limit once would have spoken of users).
func TestEveryEntityHasItsOwnAdvice(t *testing.T) {
	fields := map[string]func(advice) string{
		"not found":  func(a advice) string { return a.notFound },
		"limit":      func(a advice) string { return a.limit },
		"invalid":    func(a advice) string { return a.invalid },
		"in use":     func(a advice) string { return a.inUse },
		"permission": func(a advice) string { return a.permission },
	}
	for name, field := range fields {
		seen := map[string]milvus.Entity{}
		for _, entity := range milvus.Entities() {
			a, ok := advices[entity]
			if !ok {
				t.Errorf("the %s has no advice: add an entry to advices", entity)
				continue
			}
			text := field(a)
			if strings.TrimSpace(text) == "" {
				t.Errorf("the %s has no %s advice", entity, name)
				continue
			}
			if other, dup := seen[text]; dup {
				t.Errorf("the %s shares its %s advice with the %s", entity, name, other)
			}
			seen[text] = entity
		}
	}
	if len(advices) != len(milvus.Entities()) {
		t.Errorf("advices has %d entries for %d entities", len(advices), len(milvus.Entities()))
	}
}

// Every kind of failure of every kind of object gets a remedy, and the
// remedy of a failure that depends on the object is that object's.
func TestEveryEntityAndKindHasARemedy(t *testing.T) {
	byKind := map[milvus.Kind]func(advice) string{
		milvus.ErrNotFound:         func(a advice) string { return a.notFound },
		milvus.ErrLimitExceeded:    func(a advice) string { return a.limit },
		milvus.ErrInvalidArgument:  func(a advice) string { return a.invalid },
		milvus.ErrInUse:            func(a advice) string { return a.inUse },
		milvus.ErrPermissionDenied: func(a advice) string { return a.permission + globalScopeNote },
	}
	for _, entity := range milvus.Entities() {
		for _, kind := range milvus.Kinds() {
			got := Remedy(&milvus.Error{Kind: kind, Entity: entity})
			if strings.TrimSpace(got) == "" {
				t.Errorf("%s / %s: no remedy", entity, kind)
			}
			if field, ok := byKind[kind]; ok && got != field(advices[entity]) {
				t.Errorf("%s / %s: the remedy is not the %s's own: %q", entity, kind, entity, got)
			}
		}
	}
}
