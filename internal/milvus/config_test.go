// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"
)

func TestParseAddress(t *testing.T) {
	cases := []struct {
		in, hostPort string
		https        bool
		wantErr      string
	}{
		{in: "localhost:19530", hostPort: "localhost:19530"},
		{in: "milvus.example.com", hostPort: "milvus.example.com:19530"},
		{in: "http://10.0.0.5:19530", hostPort: "10.0.0.5:19530"},
		{in: "https://in01.zillizcloud.com", hostPort: "in01.zillizcloud.com:443", https: true},
		{in: "https://milvus:8443/", hostPort: "milvus:8443", https: true},
		{in: "[::1]:19530", hostPort: "[::1]:19530"},
		{in: "[::1]", hostPort: "[::1]:19530"},
		{in: "::1", hostPort: "[::1]:19530"},
		{in: "https://[fe80::1]:443", hostPort: "[fe80::1]:443", https: true},
		{in: "127.0.0.1:1", hostPort: "127.0.0.1:1"},
		{in: "127.0.0.1:65535", hostPort: "127.0.0.1:65535"},
		{in: "", wantErr: "empty"},
		{in: " ", wantErr: "spaces around it"},
		{in: "milvus:19530 ", wantErr: "spaces around it"},
		{in: "grpc://milvus:19530", wantErr: `scheme "grpc"`},
		{in: "http://milvus:19530/db1", wantErr: "db_name"},
		{in: "http://root:Milvus@milvus:19530", wantErr: "holds credentials (user:password@host)"},
		{in: "root:Milvus@milvus:19530", wantErr: "holds credentials"},
		{in: ":19530", wantErr: "host name is empty"},
		{in: "127.0.0.1:99999", wantErr: `port "99999" is not a number from 1 to 65535`},
		{in: "127.0.0.1:0", wantErr: "from 1 to 65535"},
		{in: "milvus:", wantErr: `port "" is not a number`},
		{in: "milvus:+80", wantErr: "not a number"},
		{in: "milvus:0080", wantErr: "not a number"},
		{in: "::::", wantErr: "not an IPv6 address"},
		{in: "[::1", wantErr: "no closing ]"},
		{in: "[nope]:1", wantErr: `"nope" is not an IPv6 address`},
		{in: "mil vus:19530", wantErr: `contains ' '`},
		{in: "milvus/x:19530", wantErr: `contains '/'`},
	}
	for _, c := range cases {
		ep, err := parseAddress(c.in)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%q: error %v, want one mentioning %q", c.in, err, c.wantErr)
			}
			continue
		}
		if err != nil || ep.hostPort != c.hostPort || ep.https != c.https {
			t.Errorf("%q: got %+v, %v; want %s https=%v", c.in, ep, err, c.hostPort, c.https)
		}
	}
}

func TestParseToken(t *testing.T) {
	if got := ParseToken("root:Mil:vus"); got != (Credentials{Username: "root", Password: "Mil:vus"}) {
		t.Errorf("user:password splits at the first colon, got %+v", got)
	}
	if got := ParseToken("db4c0ffee"); got != (Credentials{APIKey: "db4c0ffee"}) {
		t.Errorf("a token without a colon is an API key, got %+v", got)
	}
}

func TestConfigValidate(t *testing.T) {
	cert, key := selfSigned(t)
	cases := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{name: "plain", cfg: Config{Address: "localhost:19530"}},
		{name: "https implies TLS", cfg: Config{Address: "https://milvus"}},
		{name: "http with TLS", cfg: Config{Address: "http://milvus:19530", TLS: TLSConfig{Enabled: true}}, wantErr: "http://"},
		{name: "API key and user", cfg: Config{Address: "m:1", Credentials: Credentials{APIKey: "k", Username: "u"}}, wantErr: "API key"},
		{name: "password alone", cfg: Config{Address: "m:1", Credentials: Credentials{Password: "p"}}, wantErr: "without a username"},
		{name: "cert without key", cfg: Config{Address: "m:1", TLS: TLSConfig{Enabled: true, ClientCertPEM: cert}}, wantErr: "both"},
		{name: "skip verify and CA", cfg: Config{Address: "m:1", TLS: TLSConfig{Enabled: true, CACertPEM: cert, InsecureSkipVerify: true}}, wantErr: "insecure_skip_verify"},
		{name: "bad CA", cfg: Config{Address: "m:1", TLS: TLSConfig{Enabled: true, CACertPEM: []byte("nope")}}, wantErr: "no PEM"},
		{name: "mutual TLS", cfg: Config{Address: "m:1", TLS: TLSConfig{Enabled: true, CACertPEM: cert, ClientCertPEM: cert, ClientKeyPEM: key}}},
		{name: "mismatched key", cfg: Config{Address: "m:1", TLS: TLSConfig{Enabled: true, ClientCertPEM: cert, ClientKeyPEM: cert}}, wantErr: "key pair"},
	}
	for _, c := range cases {
		err := c.cfg.Validate()
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: unexpected error %v", c.name, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: error %v, want one mentioning %q", c.name, err, c.wantErr)
		}
	}
}

func TestTLSConfigCarriesSettings(t *testing.T) {
	cert, key := selfSigned(t)
	cfg := Config{Address: "m:1", TLS: TLSConfig{Enabled: true, CACertPEM: cert, ClientCertPEM: cert, ClientKeyPEM: key, ServerName: "milvus.internal"}}
	tc, err := cfg.tlsConfig()
	if err != nil || tc == nil {
		t.Fatalf("tlsConfig: %v", err)
	}
	if tc.ServerName != "milvus.internal" || tc.RootCAs == nil || len(tc.Certificates) != 1 || tc.InsecureSkipVerify {
		t.Fatalf("settings lost: %+v", tc)
	}
	if plain, _ := (Config{Address: "m:1"}).tlsConfig(); plain != nil {
		t.Fatal("no TLS was asked for")
	}
}

func selfSigned(t *testing.T) (certPEM, keyPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})
}
