// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package release

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
)

// A state shape as Terraform stores it: the object type of the resource's
// attributes (cty's JSON type encoding) and which of them are write-only,
// so always null. testdata/schemas/<type>/state-v<N>.json holds the shape
// of every state version a release has written, identity-v<N>.json of
// every identity version; neither is ever rewritten.
type shape struct {
	Type      json.RawMessage `json:"type"`
	WriteOnly []string        `json:"write_only,omitempty"`
}

func shapeOf(t *testing.T, typ tftypes.Type, writeOnly []string) shape {
	t.Helper()
	raw, err := json.Marshal(typeJSON(t, typ))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(writeOnly)
	return shape{Type: raw, WriteOnly: writeOnly}
}

// typeJSON is cty's JSON encoding of a type, as Terraform writes it.
func typeJSON(t *testing.T, typ tftypes.Type) any {
	t.Helper()
	switch v := typ.(type) {
	case tftypes.Object:
		attrs := map[string]any{}
		for name, at := range v.AttributeTypes {
			attrs[name] = typeJSON(t, at)
		}
		return []any{"object", attrs}
	case tftypes.List:
		return []any{"list", typeJSON(t, v.ElementType)}
	case tftypes.Set:
		return []any{"set", typeJSON(t, v.ElementType)}
	case tftypes.Map:
		return []any{"map", typeJSON(t, v.ElementType)}
	case tftypes.Tuple:
		var elems []any
		for _, e := range v.ElementTypes {
			elems = append(elems, typeJSON(t, e))
		}
		return []any{"tuple", elems}
	}
	switch {
	case typ.Is(tftypes.String):
		return "string"
	case typ.Is(tftypes.Number):
		return "number"
	case typ.Is(tftypes.Bool):
		return "bool"
	case typ.Is(tftypes.DynamicPseudoType):
		return "dynamic"
	}
	t.Fatalf("no JSON encoding for %s", typ)
	return nil
}

func (s shape) equal(o shape) bool {
	var a, b any
	_ = json.Unmarshal(s.Type, &a)
	_ = json.Unmarshal(o.Type, &b)
	return reflect.DeepEqual(a, b) && reflect.DeepEqual(s.WriteOnly, o.WriteOnly)
}

// snapshots reads testdata/schemas/TYPE/KIND-vN.json files by version.
func snapshots(t *testing.T, typeName, kind string) map[int64]shape {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "schemas", typeName, kind+"-v*.json"))
	found := map[int64]shape{}
	for _, f := range files {
		m := regexp.MustCompile(`-v(\d+)\.json$`).FindStringSubmatch(f)
		v, _ := strconv.ParseInt(m[1], 10, 64)
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var s shape
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		found[v] = s
	}
	return found
}

// checkCurrent compares the current shape with its version's snapshot;
// UPDATE_SCHEMA_SNAPSHOTS=1 records a version that has none yet.
func checkCurrent(t *testing.T, typeName, kind string, version int64, current shape, recorded map[int64]shape) {
	t.Helper()
	file := filepath.Join("testdata", "schemas", typeName, fmt.Sprintf("%s-v%d.json", kind, version))
	snapshot, ok := recorded[version]
	switch {
	case !ok && os.Getenv("UPDATE_SCHEMA_SNAPSHOTS") == "1":
		raw, _ := json.MarshalIndent(current, "", "  ")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, append(raw, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("recorded %s", file)
	case !ok:
		t.Errorf("%s: %s version %d has no snapshot; if this version is new, record it with UPDATE_SCHEMA_SNAPSHOTS=1 go test ./internal/release", typeName, kind, version)
	case !snapshot.equal(current):
		t.Errorf("%s: the %s changed but its version is still %d, so states written by earlier releases would be read with the new shape.\n"+
			"Raise the version to %d, add an upgrader from %d, then record the new shape with UPDATE_SCHEMA_SNAPSHOTS=1.\nwas: %s %v\nnow: %s %v",
			typeName, kind, version, version+1, version, snapshot.Type, snapshot.WriteOnly, current.Type, current.WriteOnly)
	}
}

func writeOnlyAttributes(s *tfprotov6.Schema) []string {
	var names []string
	for _, a := range s.Block.Attributes {
		if a.WriteOnly {
			names = append(names, a.Name)
		}
	}
	return names
}

// Every resource's state and identity shapes are recorded per version; a
// change to a shape without a new version fails, and every earlier version
// has an upgrader whose prior schema is that version's recorded shape.
func TestSchemaChangesComeWithStateUpgraders(t *testing.T) {
	ctx := context.Background()
	server := providerserver.NewProtocol6(provider.New("test")())()
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	identities, err := server.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	resources := map[string]resource.Resource{}
	for _, factory := range provider.New("test")().Resources(ctx) {
		r := factory()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: provider.TypeName}, &meta)
		resources[meta.TypeName] = r
	}
	if len(resources) != len(schemas.ResourceSchemas) || len(resources) < 5 {
		t.Fatalf("%d resources, %d schemas", len(resources), len(schemas.ResourceSchemas))
	}

	for typeName, s := range schemas.ResourceSchemas {
		t.Run(typeName, func(t *testing.T) {
			recorded := snapshots(t, typeName, "state")
			checkCurrent(t, typeName, "state", s.Version, shapeOf(t, s.ValueType(), writeOnlyAttributes(s)), recorded)

			upgraders := map[int64]resource.StateUpgrader{}
			if u, ok := resources[typeName].(resource.ResourceWithUpgradeState); ok {
				upgraders = u.UpgradeState(ctx)
			}
			for version, snapshot := range recorded {
				if version >= s.Version {
					continue
				}
				up, ok := upgraders[version]
				if !ok || up.PriorSchema == nil {
					t.Errorf("%s: no state upgrader (with a PriorSchema) from version %d", typeName, version)
					continue
				}
				var writeOnly []string
				for name, a := range up.PriorSchema.Attributes {
					if a.IsWriteOnly() {
						writeOnly = append(writeOnly, name)
					}
				}
				if prior := shapeOf(t, up.PriorSchema.Type().TerraformType(ctx), writeOnly); !prior.equal(snapshot) {
					t.Errorf("%s: the upgrader from version %d reads %s %v, but that version's states are %s %v",
						typeName, version, prior.Type, prior.WriteOnly, snapshot.Type, snapshot.WriteOnly)
				}
			}

			identity, ok := identities.IdentitySchemas[typeName]
			if !ok {
				t.Fatalf("%s has no identity schema", typeName)
			}
			recordedIDs := snapshots(t, typeName, "identity")
			checkCurrent(t, typeName, "identity", identity.Version, shapeOf(t, identity.ValueType(), nil), recordedIDs)
			for version := range recordedIDs {
				if version < identity.Version {
					if _, ok := resources[typeName].(resource.ResourceWithUpgradeIdentity); !ok {
						t.Errorf("%s: no identity upgrader from version %d", typeName, version)
					}
				}
			}
		})
	}
}
