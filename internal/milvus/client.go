// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package milvus is the provider's only door to Milvus. It wraps the official
// Go SDK (milvusclient), turns every failure into a classified *Error, and
// imports nothing from the Terraform plugin libraries.
package milvus

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/retry"
	"github.com/milvus-io/milvus/client/v2/milvusclient"
	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/metadata"
)

// Client is one connection to Milvus, shared by every resource of a
// provider instance.
type Client struct {
	sdk        *milvusclient.Client
	cfg        Config
	endpoint   string
	mu         sync.RWMutex
	credential Credentials

	authOnce    sync.Once
	authEnabled bool
	authErr     error

	versionMu sync.Mutex
	version   *Version

	listings listings
}

// credentialKey carries per-call credentials that replace the provider's own,
// used to check a user's password on the existing connection.
type credentialKey struct{}

// Connect dials Milvus and performs the Connect handshake, which also checks
// the credentials and the database. It gives up after cfg.Timeout.
func Connect(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.RetryDelay <= 0 {
		cfg.RetryDelay = time.Second
	}
	if err := cfg.Validate(); err != nil {
		return nil, &Error{Kind: ErrInvalidArgument, Op: "check the connection settings", Reason: err.Error()}
	}
	ep, _ := parseAddress(cfg.Address)
	tlsCfg, _ := cfg.tlsConfig()

	c := &Client{cfg: cfg, endpoint: ep.hostPort, credential: cfg.Credentials}
	dialCtx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	// A refused connection (a server restarting) is retried until the
	// timeout; a failed TLS handshake cannot heal, so it ends the dial at once.
	var handshake failedHandshake
	transport := insecure.NewCredentials()
	if tlsCfg != nil {
		transport = failFast{TransportCredentials: credentials.NewTLS(tlsCfg), failed: handshake.record(cancel)}
	}
	dialOptions := []grpc.DialOption{
		// Later transport credentials replace the SDK's default ones.
		grpc.WithTransportCredentials(transport),
		grpc.WithBlock(),                 //nolint:staticcheck // the SDK dials with DialContext; blocking makes a wrong address fail in Configure
		grpc.WithReturnConnectionError(), //nolint:staticcheck // keeps "connection refused" in the timeout error
		grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: 10 * time.Second, Timeout: 10 * time.Second, PermitWithoutStream: true}),
		grpc.WithConnectParams(grpc.ConnectParams{
			Backoff:           backoff.Config{BaseDelay: 100 * time.Millisecond, Multiplier: 1.6, Jitter: 0.2, MaxDelay: 3 * time.Second},
			MinConnectTimeout: 3 * time.Second,
		}),
		grpc.WithChainUnaryInterceptor(c.authorize),
	}

	// The SDK gets no credentials: authorize sets the header itself, so that
	// a password rotation or a per-call login check can swap it.
	sdk, err := milvusclient.New(dialCtx, &milvusclient.ClientConfig{
		Address:     ep.hostPort,
		DBName:      cfg.DBName,
		DialOptions: dialOptions,
	})
	if hsErr := handshake.get(); err != nil && hsErr != nil {
		err = hsErr
	}
	if err != nil {
		var e *Error
		_ = errors.As(classify(opConnect, "connect to Milvus at "+ep.hostPort, err), &e)
		if e.Kind != ErrTLS && dialCtx.Err() != nil && ctx.Err() == nil {
			// The dial gave up at the timeout; its error keeps the last cause.
			e.Kind = ErrUnavailable
			e.Reason = fmt.Sprintf("no answer within %s (%s)", cfg.Timeout, err.Error())
		}
		return nil, e
	}
	c.sdk = sdk
	return c, nil
}

// Close releases the connection.
func (c *Client) Close(ctx context.Context) error {
	return c.sdk.Close(ctx)
}

// Endpoint is the host:port the client is connected to.
func (c *Client) Endpoint() string { return c.endpoint }

// Username is the user the provider acts as ("" for an API key or no auth).
func (c *Client) Username() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.credential.Username
}

func (c *Client) authorize(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	cred, ok := ctx.Value(credentialKey{}).(Credentials)
	if !ok {
		c.mu.RLock()
		cred = c.credential
		c.mu.RUnlock()
	}
	if header := cred.header(); header != "" {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", header)
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// header is the value of the authorization metadata Milvus expects.
func (cr Credentials) header() string {
	switch {
	case cr.APIKey != "":
		return base64.StdEncoding.EncodeToString([]byte(cr.APIKey))
	case cr.Username != "" || cr.Password != "":
		return base64.StdEncoding.EncodeToString([]byte(cr.Username + ":" + cr.Password))
	}
	return ""
}

// noSDKRetry turns off the SDK's own retry of Unavailable (six tries over
// about seven seconds, not configurable), so that call's retry, governed by
// max_retries and timeout, is the only one.
var noSDKRetry = grpc_retry.WithMax(0)

// call runs one request with the per-request timeout. An idempotent request
// is tried again while Milvus is unavailable (a restart, a refused
// connection, no answer); any other request is sent once, and write decides
// what to do when it went unanswered.
func (c *Client) call(ctx context.Context, op operation, what string, fn func(context.Context) error) error {
	retries := c.cfg.MaxRetries
	if !op.spec().idempotent {
		retries = 0
	}
	if !op.spec().reads {
		// Whatever the outcome, the server may have changed.
		defer c.listings.invalidate()
	}
	delay := c.cfg.RetryDelay
	for attempt := 1; ; attempt++ {
		reqCtx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		err := classify(op, what, fn(reqCtx))
		cancel()
		if err == nil || !isRetryable(err) || attempt > retries || ctx.Err() != nil {
			return c.noteAttempts(err, attempt)
		}
		select {
		case <-ctx.Done():
			return c.noteAttempts(err, attempt)
		case <-time.After(delay):
		}
		delay *= 2
	}
}

// noteAttempts records, on an unanswered request, how often it was sent and
// the per-request timeout, so the diagnostic can say what bounded the wait.
func (c *Client) noteAttempts(err error, attempts int) error {
	var e *Error
	if errors.As(err, &e) && e.Kind == ErrUnavailable {
		e.Attempts, e.Timeout = attempts, c.cfg.Timeout
	}
	return err
}

// write sends a request that is not safe to repeat blindly (a create, a
// password change). When Milvus does not answer, the request may or may not
// have taken effect, so it is never simply sent again: done asks Milvus
// whether the desired state holds now. If it does, the write succeeded
// (lostReply reports that); if it does not, the request is sent again, up to
// max_retries times. The caller handles the other failures, such as "already
// exists" after a lost reply.
func (c *Client) write(ctx context.Context, op operation, what string, send func(context.Context) error,
	done func(context.Context) (bool, error)) (lostReply bool, err error) {
	delay := c.cfg.RetryDelay
	for attempt := 1; ; attempt++ {
		err := c.call(ctx, op, what, send)
		if err == nil || !isRetryable(err) {
			return attempt > 1, err
		}
		ok, checkErr := done(ctx)
		if checkErr != nil {
			return attempt > 1, unknownOutcome(err, checkErr, attempt)
		}
		if ok {
			return true, nil
		}
		if attempt > c.cfg.MaxRetries || ctx.Err() != nil {
			return attempt > 1, c.noteAttempts(err, attempt)
		}
		select {
		case <-ctx.Done():
			return true, c.noteAttempts(err, attempt)
		case <-time.After(delay):
		}
		delay *= 2
	}
}

// createNamed sends the create of an object that nothing but its name
// proves (a role, a privilege group, a database): when Milvus does not
// answer, exists asks whether the name is taken before the request is sent
// again. A name taken after an unanswered attempt was taken by that attempt:
// the name was free when this create was first sent.
func (c *Client) createNamed(ctx context.Context, op operation, what string, send func(context.Context) error,
	exists func(context.Context) (bool, error)) (Created, error) {
	lostReply, err := c.write(ctx, op, what, send, exists)
	switch {
	case lostReply && (err == nil || errors.Is(err, ErrAlreadyExists)):
		return CreatedAfterLostReply, nil
	case err != nil:
		return 0, err
	}
	return CreatedNow, nil
}

// unknownOutcome is the error when a write went unanswered and Milvus could
// not be asked whether it took effect either.
func unknownOutcome(sendErr, checkErr error, attempts int) error {
	var e *Error
	if !errors.As(sendErr, &e) {
		return sendErr
	}
	out := *e
	out.Attempts = attempts
	out.Reason = e.Reason + "; whether the request took effect could not be checked either (" + reasonOf(checkErr) +
		"), so the next run checks again before changing anything"
	return &out
}

func reasonOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return err.Error()
}

func isRetryable(err error) bool {
	e, ok := err.(*Error)
	return ok && e.Kind == ErrUnavailable
}

// AuthorizationEnabled reports whether the server checks credentials
// (common.security.authorizationEnabled). It sends one request with
// credentials no server accepts, once per client.
func (c *Client) AuthorizationEnabled(ctx context.Context) (bool, error) {
	c.authOnce.Do(func() {
		probe := Credentials{Username: "tf_provider_probe", Password: "not-a-password-" + strconv.FormatInt(time.Now().UnixNano(), 36)}
		err := c.loginAs(ctx, probe, "check whether Milvus checks credentials")
		switch {
		case errors.Is(err, ErrUnauthenticated):
			c.authEnabled = true
		case err != nil:
			c.authErr = err
		}
	})
	return c.authEnabled, c.authErr
}

// failFast reports a failed TLS handshake so Connect can stop waiting.
type failFast struct {
	credentials.TransportCredentials
	failed func(error)
}

func (f failFast) ClientHandshake(ctx context.Context, authority string, conn net.Conn) (net.Conn, credentials.AuthInfo, error) {
	c, info, err := f.TransportCredentials.ClientHandshake(ctx, authority, conn)
	if err != nil && ctx.Err() == nil {
		f.failed(err)
	}
	return c, info, err
}

func (f failFast) Clone() credentials.TransportCredentials {
	return failFast{TransportCredentials: f.TransportCredentials.Clone(), failed: f.failed}
}

// failedHandshake keeps the first handshake error.
type failedHandshake struct {
	mu  sync.Mutex
	err error
}

func (h *failedHandshake) record(stop context.CancelFunc) func(error) {
	return func(err error) {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.err == nil {
			h.err = fmt.Errorf("authentication handshake failed: %w", err)
			stop()
		}
	}
}

func (h *failedHandshake) get() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.err
}

// DBName is the database the provider connects to (default unless db_name
// says otherwise).
func (c *Client) DBName() string {
	if c.cfg.DBName == "" {
		return DefaultDatabase
	}
	return c.cfg.DBName
}
