// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// releasing passes every call to the framework; the ones made once per
// resource instance get a context that lets go of the request when they
// return. Calls made once per run, and streaming calls whose context lives
// on after they return, pass through untouched.
type releasing struct {
	tfprotov6.ProviderServer
}

// call runs f with a releasable view of ctx and drops the view's hold on
// ctx when f returns.
func call[Req, Resp any](ctx context.Context, req Req, f func(context.Context, Req) (Resp, error)) (Resp, error) {
	view := &releasable{}
	view.parent.Store(&ctx)
	defer view.parent.Store(nil)
	return f(view, req)
}

// releasable is a context that delegates to its parent until released,
// then behaves as a cancelled context with no values. Delegating Done and
// Value keeps the standard library's fast path: children register with the
// parent's cancellation without an extra goroutine.
type releasable struct {
	parent atomic.Pointer[context.Context]
}

func (r *releasable) get() context.Context {
	if p := r.parent.Load(); p != nil {
		return *p
	}
	return nil
}

func (r *releasable) Deadline() (time.Time, bool) {
	if p := r.get(); p != nil {
		return p.Deadline()
	}
	return time.Time{}, false
}

func (r *releasable) Done() <-chan struct{} {
	if p := r.get(); p != nil {
		return p.Done()
	}
	return closed
}

func (r *releasable) Err() error {
	if p := r.get(); p != nil {
		return p.Err()
	}
	return context.Canceled
}

func (r *releasable) Value(key any) any {
	if p := r.get(); p != nil {
		return p.Value(key)
	}
	return nil
}

var closed = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

func (s releasing) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.ValidateResourceConfig)
}

func (s releasing) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return call(ctx, req, s.ProviderServer.UpgradeResourceState)
}

func (s releasing) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return call(ctx, req, s.ProviderServer.ReadResource)
}

func (s releasing) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return call(ctx, req, s.ProviderServer.PlanResourceChange)
}

func (s releasing) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return call(ctx, req, s.ProviderServer.ApplyResourceChange)
}

func (s releasing) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return call(ctx, req, s.ProviderServer.ImportResourceState)
}

func (s releasing) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return call(ctx, req, s.ProviderServer.MoveResourceState)
}

func (s releasing) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return call(ctx, req, s.ProviderServer.UpgradeResourceIdentity)
}

func (s releasing) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.ValidateDataResourceConfig)
}

func (s releasing) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return call(ctx, req, s.ProviderServer.ReadDataSource)
}
