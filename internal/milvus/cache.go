// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"sync"
)

// listings holds what Milvus listed, shared by every read of one provider
// process: a refresh of N users asks for the user list once, not N times.
// Any write the process makes discards them all, so a read never misses the
// process's own changes. (Changes made outside the process meanwhile are seen
// by the next Terraform run, as with any refresh.)
type listings struct {
	mu      sync.Mutex
	gen     uint64
	entries map[string]*listing
}

type listing struct {
	gen   uint64
	done  chan struct{}
	value any
	err   error
}

// get returns the listing under key, fetching it once for all concurrent
// callers. A failed fetch is not kept.
func (l *listings) get(ctx context.Context, key string, fetch func(context.Context) (any, error)) (any, error) {
	l.mu.Lock()
	if l.entries == nil {
		l.entries = map[string]*listing{}
	}
	e := l.entries[key]
	if e != nil && e.gen == l.gen {
		l.mu.Unlock()
		select {
		case <-e.done:
			return e.value, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e = &listing{gen: l.gen, done: make(chan struct{})}
	l.entries[key] = e
	l.mu.Unlock()

	e.value, e.err = fetch(ctx)
	close(e.done)
	if e.err != nil {
		l.mu.Lock()
		if l.entries[key] == e {
			delete(l.entries, key)
		}
		l.mu.Unlock()
	}
	return e.value, e.err
}

// invalidate discards every listing.
func (l *listings) invalidate() {
	l.mu.Lock()
	l.gen++
	l.mu.Unlock()
}

// listed fetches through the client's shared listings.
func listed[T any](ctx context.Context, c *Client, key string, fetch func(context.Context) (T, error)) (T, error) {
	v, err := c.listings.get(ctx, key, func(ctx context.Context) (any, error) { return fetch(ctx) })
	typed, _ := v.(T)
	return typed, err
}
