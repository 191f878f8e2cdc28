// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Defaults used when the provider configuration leaves a setting out.
const (
	DefaultAddress    = "localhost:19530"
	DefaultTimeout    = 30 * time.Second
	DefaultMaxRetries = 3
	defaultPlainPort  = "19530"
	defaultTLSPort    = "443"
)

// Config is everything needed to open one connection to Milvus.
type Config struct {
	// Address is host:port, http://host:port or https://host:port.
	Address string
	// Credentials of the principal the provider acts as; zero value means
	// no authorization header (a server with authorization disabled).
	Credentials Credentials
	DBName      string
	TLS         TLSConfig
	// Timeout bounds the connection attempt and each request.
	Timeout time.Duration
	// MaxRetries is how often a request that failed because Milvus was
	// unavailable is tried again.
	MaxRetries int
	// RetryDelay is the first back-off; it doubles on every retry.
	RetryDelay time.Duration
}

// Credentials is either a username and password or an API key.
type Credentials struct {
	Username string
	Password string
	APIKey   string
}

// ParseToken reads a token the way Milvus does: "user:password" splits at
// the first colon; a token without a colon is an API key (managed Milvus).
func ParseToken(token string) Credentials {
	if user, password, ok := strings.Cut(token, ":"); ok {
		return Credentials{Username: user, Password: password}
	}
	return Credentials{APIKey: token}
}

// TLSConfig describes transport security. PEM fields hold certificate data,
// not file names: the provider resolves files before building a Config.
type TLSConfig struct {
	Enabled            bool
	CACertPEM          []byte
	ClientCertPEM      []byte
	ClientKeyPEM       []byte
	ServerName         string
	InsecureSkipVerify bool
}

// endpoint is a parsed Address.
type endpoint struct {
	hostPort string
	https    bool
}

// CheckAddress reports why address is not a Milvus address the provider can
// dial, or nil. It is the plan-time check of the address setting.
func CheckAddress(address string) error {
	_, err := parseAddress(address)
	return err
}

func parseAddress(address string) (endpoint, error) {
	raw := address
	switch {
	case raw == "":
		return endpoint{}, errors.New("the address is empty")
	case strings.Contains(raw, "@"):
		// Not quoted: it would show the password.
		return endpoint{}, errors.New("the address holds credentials (user:password@host); set username and password instead")
	case strings.TrimSpace(raw) != raw:
		return endpoint{}, fmt.Errorf("%q has spaces around it", address)
	}
	ep := endpoint{}
	if strings.Contains(raw, "://") {
		u, err := url.Parse(raw)
		if err != nil {
			return endpoint{}, fmt.Errorf("%q is not a valid URL", address)
		}
		switch u.Scheme {
		case "http":
		case "https":
			ep.https = true
		default:
			return endpoint{}, fmt.Errorf("%q has scheme %q; use host:port, http://host:port or https://host:port", address, u.Scheme)
		}
		if u.Path != "" && u.Path != "/" {
			return endpoint{}, fmt.Errorf("%q has a path; set the database with db_name instead", address)
		}
		if u.RawQuery != "" || u.Fragment != "" {
			return endpoint{}, fmt.Errorf("%q has more than a scheme, a host and a port", address)
		}
		raw = u.Host
	}
	host, port, err := splitHostPort(raw)
	if err != nil {
		return endpoint{}, fmt.Errorf("%q is not an address: %s; use host:port, http://host:port or https://host:port", address, err)
	}
	if port == "" {
		// No port given: Milvus listens on 19530, TLS gateways on 443.
		port = defaultPlainPort
		if ep.https {
			port = defaultTLSPort
		}
	}
	ep.hostPort = net.JoinHostPort(host, port)
	return ep, nil
}

// splitHostPort accepts host, host:port, [ipv6], [ipv6]:port and a bare
// IPv6 address, and checks the host's characters and the port's range.
func splitHostPort(raw string) (host, port string, err error) {
	switch {
	case strings.HasPrefix(raw, "["):
		end := strings.Index(raw, "]")
		if end < 0 {
			return "", "", errors.New("the IPv6 address has no closing ]")
		}
		host, rest := raw[1:end], raw[end+1:]
		if net.ParseIP(host) == nil {
			return "", "", fmt.Errorf("%q is not an IPv6 address", host)
		}
		if rest == "" {
			return host, "", nil
		}
		if !strings.HasPrefix(rest, ":") {
			return "", "", errors.New("only :port may follow the IPv6 address")
		}
		return host, rest[1:], checkPort(rest[1:])
	case strings.Count(raw, ":") > 1:
		if net.ParseIP(raw) == nil {
			return "", "", errors.New("it has several colons but is not an IPv6 address (write one with a port as [ipv6]:port)")
		}
		return raw, "", nil
	case strings.Contains(raw, ":"):
		host, port, _ = strings.Cut(raw, ":")
		if err := checkHost(host); err != nil {
			return "", "", err
		}
		return host, port, checkPort(port)
	}
	return raw, "", checkHost(raw)
}

func checkHost(host string) error {
	if host == "" {
		return errors.New("the host name is empty")
	}
	for _, r := range host {
		allowed := r == '.' || r == '-' || r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !allowed {
			return fmt.Errorf("the host name %q contains %q", host, r)
		}
	}
	return nil
}

func checkPort(port string) error {
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 || strconv.Itoa(n) != port {
		return fmt.Errorf("the port %q is not a number from 1 to 65535", port)
	}
	return nil
}

// Validate reports settings that contradict each other.
func (c Config) Validate() error {
	if _, err := parseAddress(c.Address); err != nil {
		return err
	}
	if strings.HasPrefix(c.Address, "http://") && c.TLS.Enabled {
		return fmt.Errorf("the address %q says http:// but TLS is enabled; use https:// or host:port", c.Address)
	}
	if c.Credentials.APIKey != "" && (c.Credentials.Username != "" || c.Credentials.Password != "") {
		return errors.New("an API key and a username/password are both set; use one")
	}
	if c.Credentials.Password != "" && c.Credentials.Username == "" {
		return errors.New("a password is set without a username")
	}
	if (len(c.TLS.ClientCertPEM) == 0) != (len(c.TLS.ClientKeyPEM) == 0) {
		return errors.New("mutual TLS needs both a client certificate and a client key")
	}
	if c.TLS.InsecureSkipVerify && len(c.TLS.CACertPEM) > 0 {
		return errors.New("insecure_skip_verify turns off the check that ca_cert is for; set one of them")
	}
	_, err := c.tlsConfig()
	return err
}

// tlsEnabled is true when the address or the TLS settings ask for TLS.
func (c Config) tlsEnabled() bool {
	ep, err := parseAddress(c.Address)
	return c.TLS.Enabled || (err == nil && ep.https)
}

// tlsConfig builds the crypto/tls configuration, or nil for plaintext.
func (c Config) tlsConfig() (*tls.Config, error) {
	if !c.tlsEnabled() {
		return nil, nil
	}
	cfg := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		ServerName:         c.TLS.ServerName,
		InsecureSkipVerify: c.TLS.InsecureSkipVerify, //nolint:gosec // an explicit, documented opt-in
	}
	if len(c.TLS.CACertPEM) > 0 {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(c.TLS.CACertPEM) {
			return nil, errors.New("ca_cert holds no PEM certificate")
		}
		cfg.RootCAs = pool
	}
	if len(c.TLS.ClientCertPEM) > 0 {
		pair, err := tls.X509KeyPair(c.TLS.ClientCertPEM, c.TLS.ClientKeyPEM)
		if err != nil {
			// The error text of X509KeyPair never includes key material.
			return nil, fmt.Errorf("client_cert and client_key do not form a key pair: %v", err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	return cfg, nil
}
