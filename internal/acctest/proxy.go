// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/http2/hpack"
)

// Proxy is a TCP proxy between the provider and the real test Milvus. It
// reads the HTTP/2 frames that carry gRPC, so a test can lose the answer to
// one call (after Milvus carried it out), delay every answer, or have Milvus
// stop answering, and can count the calls that reached Milvus. Everything the
// provider sends still reaches the real server.
type Proxy struct {
	Address string
	target  string
	ln      net.Listener

	mu        sync.Mutex
	calls     map[string]int
	loseNext  string        // method whose next answer is lost
	loseEvery string        // method whose every answer is lost
	closeLost time.Duration // how long after that the connection is closed
	delay     time.Duration
	silent    bool // answer nothing but the Connect handshake
	conns     map[*proxyConn]bool
	closed    bool
}

// MethodPrefix is the gRPC service every Milvus method belongs to.
const MethodPrefix = "/milvus.proto.milvus.MilvusService/"

// StartProxy listens on a free loopback port and forwards to target
// (MILVUS_ADDRESS when empty). It stops when the test ends.
func StartProxy(t *testing.T, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{Address: ln.Addr().String(), target: target, ln: ln, calls: map[string]int{}, conns: map[*proxyConn]bool{}}
	go p.accept()
	t.Cleanup(p.Close)
	return p
}

// LoseReplyTo lets the next call of method (e.g. "CreateCredential") reach
// Milvus, but loses its answer and everything after it on that connection,
// which closes closeAfter later: a reply lost in the network.
func (p *Proxy) LoseReplyTo(method string, closeAfter time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.loseNext, p.closeLost = MethodPrefix+method, closeAfter
}

// LoseEveryReplyTo loses every answer to method, each as LoseReplyTo does
// (the connection closes 100 ms later), until called with "".
func (p *Proxy) LoseEveryReplyTo(method string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.loseEvery = ""
	if method != "" {
		p.loseEvery = MethodPrefix + method
	}
}

// Delay holds every answer for d (0 turns it off).
func (p *Proxy) Delay(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.delay = d
}

// StopAnswering makes Milvus look hung: requests still reach it, but no
// answer comes back, except to the Connect handshake, so the provider
// configures and then waits on every call.
func (p *Proxy) StopAnswering() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.silent = true
}

// Calls returns how many calls of method (e.g. "CreateCredential") the
// proxy passed on; with "" it returns the calls of every method.
func (p *Proxy) Calls(method string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if method != "" {
		return p.calls[MethodPrefix+method]
	}
	n := 0
	for _, c := range p.calls {
		n += c
	}
	return n
}

// CallsByMethod returns the counts per method name (without the service).
func (p *Proxy) CallsByMethod() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]int{}
	for m, n := range p.calls {
		out[strings.TrimPrefix(m, MethodPrefix)] = n
	}
	return out
}

// ResetCalls forgets the counted calls.
func (p *Proxy) ResetCalls() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls = map[string]int{}
}

// Close stops listening and drops every connection.
func (p *Proxy) Close() {
	p.mu.Lock()
	p.closed = true
	conns := p.conns
	p.conns = map[*proxyConn]bool{}
	p.mu.Unlock()
	_ = p.ln.Close()
	for c := range conns {
		c.close()
	}
}

func (p *Proxy) accept() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = client.Close()
			continue
		}
		c := &proxyConn{proxy: p, client: client, server: server, methods: map[uint32]string{}}
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			c.close()
			return
		}
		p.conns[c] = true
		p.mu.Unlock()
		go c.clientToServer()
		go c.serverToClient()
	}
}

// proxyConn is one proxied connection.
type proxyConn struct {
	proxy          *Proxy
	client, server net.Conn
	once           sync.Once

	mu        sync.Mutex
	methods   map[uint32]string // stream ID -> method
	loseFrom  uint32            // the stream whose answer is lost, 0 for none
	blackhole bool              // nothing more reaches the client
}

func (c *proxyConn) close() {
	c.once.Do(func() {
		_ = c.client.Close()
		_ = c.server.Close()
		c.proxy.mu.Lock()
		delete(c.proxy.conns, c)
		c.proxy.mu.Unlock()
	})
}

// http2 frame types and flags used here.
const (
	frameHeaders      = 0x1
	frameContinuation = 0x9
	flagEndHeaders    = 0x4
	flagPadded        = 0x8
	flagPriority      = 0x20
)

const clientPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

// clientToServer forwards the client's bytes unchanged, reading the header
// blocks on the way to learn each stream's method.
func (c *proxyConn) clientToServer() {
	defer c.close()
	preface := make([]byte, len(clientPreface))
	if _, err := io.ReadFull(c.client, preface); err != nil || string(preface) != clientPreface {
		return
	}
	if _, err := c.server.Write(preface); err != nil {
		return
	}
	var path string
	decoder := hpack.NewDecoder(4096, func(f hpack.HeaderField) {
		if f.Name == ":path" {
			path = f.Value
		}
	})
	var headerStream uint32
	for {
		header, payload, err := readFrame(c.client)
		if err != nil {
			return
		}
		typ, flags, stream := header[3], header[4], binary.BigEndian.Uint32(header[5:9])&0x7fffffff
		if typ == frameHeaders || typ == frameContinuation {
			if typ == frameHeaders {
				path, headerStream = "", stream
			}
			if _, err := decoder.Write(headerFragment(typ, flags, payload)); err != nil {
				return
			}
			if flags&flagEndHeaders != 0 {
				c.request(headerStream, path)
			}
		}
		if _, err := c.server.Write(append(header, payload...)); err != nil {
			return
		}
	}
}

// request records a new call and arms a lost answer for it.
func (c *proxyConn) request(stream uint32, method string) {
	p := c.proxy
	p.mu.Lock()
	p.calls[method]++
	lose := p.loseNext == method
	closeAfter := p.closeLost
	if lose {
		p.loseNext = ""
	} else if p.loseEvery == method {
		lose, closeAfter = true, 100*time.Millisecond
	}
	p.mu.Unlock()
	c.mu.Lock()
	c.methods[stream] = method
	if lose {
		c.loseFrom = stream
	}
	c.mu.Unlock()
	if lose {
		time.AfterFunc(closeAfter, c.close)
	}
}

// serverToClient forwards Milvus's frames unless an answer is being lost or
// Milvus is to look hung.
func (c *proxyConn) serverToClient() {
	defer c.close()
	for {
		header, payload, err := readFrame(c.server)
		if err != nil {
			return
		}
		stream := binary.BigEndian.Uint32(header[5:9]) & 0x7fffffff
		c.proxy.mu.Lock()
		delay, silent := c.proxy.delay, c.proxy.silent
		c.proxy.mu.Unlock()
		c.mu.Lock()
		if c.loseFrom != 0 && stream == c.loseFrom {
			c.blackhole = true
		}
		drop := c.blackhole || (silent && stream != 0 && c.methods[stream] != MethodPrefix+"Connect")
		if silent && drop {
			// Once one answer is withheld, the client's header decoder would be
			// out of step with Milvus's encoder: withhold all that follow.
			c.blackhole = true
		}
		c.mu.Unlock()
		if drop {
			continue
		}
		if delay > 0 {
			time.Sleep(delay)
		}
		if _, err := c.client.Write(append(header, payload...)); err != nil {
			return
		}
	}
}

// readFrame reads one HTTP/2 frame: its 9-byte header and its payload.
func readFrame(r io.Reader) (header, payload []byte, err error) {
	header = make([]byte, 9)
	if _, err := io.ReadFull(r, header); err != nil {
		return nil, nil, err
	}
	length := int(header[0])<<16 | int(header[1])<<8 | int(header[2])
	if length > 1<<24 {
		return nil, nil, errors.New("frame too large")
	}
	payload = make([]byte, length)
	if _, err := io.ReadFull(r, payload); err != nil {
		return nil, nil, err
	}
	return header, payload, nil
}

// headerFragment strips the padding and priority fields of a HEADERS frame.
func headerFragment(typ, flags byte, payload []byte) []byte {
	if typ != frameHeaders {
		return payload
	}
	pad := 0
	if flags&flagPadded != 0 && len(payload) > 0 {
		pad = int(payload[0])
		payload = payload[1:]
	}
	if flags&flagPriority != 0 && len(payload) >= 5 {
		payload = payload[5:]
	}
	if pad <= len(payload) {
		payload = payload[:len(payload)-pad]
	}
	return payload
}
