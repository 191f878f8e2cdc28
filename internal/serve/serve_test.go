// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
)

// retainedPerCall serves the provider over real gRPC, as Terraform reaches
// it, makes calls per-resource RPCs of each kind and returns the heap still
// live afterwards divided by the number of calls.
func retainedPerCall(t *testing.T, newServer func() tfprotov6.ProviderServer, calls int) float64 {
	t.Helper()
	t.Setenv("TF_LOG_SDK", "off")
	t.Setenv("TF_LOG_SDK_PROTO", "off")
	t.Setenv("TF_LOG_SDK_FRAMEWORK", "off")
	ctx, stop := context.WithCancel(context.Background())
	reattach := make(chan *plugin.ReattachConfig, 1)
	closed := make(chan struct{})
	go func() {
		_ = tf6server.Serve("registry.terraform.io/test/echo", newServer,
			tf6server.WithDebug(ctx, reattach, closed), tf6server.WithoutLogStderrOverride())
	}()
	t.Cleanup(func() { stop(); <-closed })
	var cfg *plugin.ReattachConfig
	select {
	case cfg = <-reattach:
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not start")
	}
	conn, err := grpc.NewClient("unix://"+cfg.Addr.String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()

	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"name": tftypes.String}}
	value, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{
		"name": tftypes.NewValue(tftypes.String, "alice")}))
	if err != nil {
		t.Fatal(err)
	}
	methods := []string{"ValidateResourceConfig", "ReadResource", "PlanResourceChange"}
	invoke := func(method string) {
		req := message(t, "tfplugin6."+method+".Request")
		req.Set(req.Descriptor().Fields().ByName("type_name"), protoreflect.ValueOfString("echo_thing"))
		for _, field := range []protoreflect.Name{"config", "current_state", "prior_state", "proposed_new_state"} {
			if f := req.Descriptor().Fields().ByName(field); f != nil {
				dv := req.Mutable(f).Message()
				dv.Set(dv.Descriptor().Fields().ByName("msgpack"), protoreflect.ValueOfBytes(value.MsgPack))
			}
		}
		resp := message(t, "tfplugin6."+method+".Response")
		if err := conn.Invoke(context.Background(), "/tfplugin6.Provider/"+method, req.Interface(), resp.Interface()); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if d := resp.Descriptor().Fields().ByName("diagnostics"); resp.Get(d).List().Len() > 0 {
			t.Fatalf("%s: diagnostics %v", method, resp.Interface())
		}
	}
	for _, m := range methods { // warm up caches: schemas, type registries
		invoke(m)
	}
	before := liveHeap()
	for i := 0; i < calls; i++ {
		invoke(methods[i%len(methods)])
	}
	return float64(liveHeap()-before) / float64(calls)
}

func message(t *testing.T, name string) protoreflect.Message {
	t.Helper()
	mt, err := protoregistry.GlobalTypes.FindMessageByName(protoreflect.FullName(name))
	if err != nil {
		t.Fatal(err)
	}
	return mt.New()
}

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func newEcho() provider.Provider { return echo{} }

// The framework alone keeps every call's context: this is the cost the
// wrapper exists to remove. If an upgrade of the framework fixes it, this
// test fails and the wrapper can go.
func TestFrameworkRetainsEveryCallsContext(t *testing.T) {
	perCall := retainedPerCall(t, providerserver.NewProtocol6(newEcho()), 3000)
	t.Logf("framework alone: %.0f bytes retained per call", perCall)
	if perCall < 4000 {
		t.Fatalf("the framework retained only %.0f bytes per call; the leak this package works around seems fixed", perCall)
	}
}

func TestServerReleasesEachCallsContext(t *testing.T) {
	perCall := retainedPerCall(t, func() tfprotov6.ProviderServer { return Server(newEcho()) }, 3000)
	t.Logf("through Server: %.0f bytes retained per call", perCall)
	if perCall > 1000 {
		t.Fatalf("%.0f bytes retained per call, want under 1000", perCall)
	}
}

type key struct{}

// readThing calls ReadResource for an echo_thing named alice, as Terraform
// does after asking for the schemas.
func readThing(ctx context.Context, server tfprotov6.ProviderServer) error {
	if _, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		return err
	}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"name": tftypes.String}}
	state, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{
		"name": tftypes.NewValue(tftypes.String, "alice")}))
	if err != nil {
		return err
	}
	_, err = server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "echo_thing", CurrentState: &state})
	return err
}

// During the call the resource sees the request's values and deadline;
// after it, none of them, but cancelling the request still reaches it.
func TestServerContextDuringCall(t *testing.T) {
	seen := make(chan context.Context, 1)
	proceed := make(chan struct{})
	server := Server(echo{seen: seen, proceed: proceed})
	deadline := time.Now().Add(time.Hour)
	ctx, cancel := context.WithDeadline(context.WithValue(context.Background(), key{}, "request"), deadline)
	defer cancel()

	done := make(chan error, 1)
	go func() { done <- readThing(ctx, server) }()
	inCall := <-seen
	if got := inCall.Value(key{}); got != "request" {
		t.Errorf("value in call = %v, want the request's", got)
	}
	if got, ok := inCall.Deadline(); !ok || !got.Equal(deadline) {
		t.Errorf("deadline in call = %v %v, want %v", got, ok, deadline)
	}
	if inCall.Err() != nil {
		t.Errorf("during the call its context reports %v", inCall.Err())
	}
	close(proceed)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if inCall.Value(key{}) != nil {
		t.Error("after the call its context still holds the request's values")
	}
	// gRPC cancels a request's context when it ends; that still reaches
	// the context the call was given.
	cancel()
	select {
	case <-inCall.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("cancelling the request did not cancel the call's context")
	}
	if !errors.Is(inCall.Err(), context.Canceled) {
		t.Errorf("after the request ended the call's context reports %v, want cancelled", inCall.Err())
	}
}

func TestStopProviderCancelsCallInFlight(t *testing.T) {
	seen := make(chan context.Context, 1)
	proceed := make(chan struct{})
	defer close(proceed)
	server := Server(echo{seen: seen, proceed: proceed})
	ctx := context.Background()
	stopped := make(chan struct{})
	go func() { _ = readThing(ctx, server) }()
	inCall := <-seen
	go func() {
		_, _ = server.StopProvider(ctx, &tfprotov6.StopProviderRequest{})
		close(stopped)
	}()
	select {
	case <-inCall.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("StopProvider did not cancel the call in flight")
	}
	<-stopped
}
