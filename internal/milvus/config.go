package milvus

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
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

func parseAddress(address string) (endpoint, error) {
	raw := strings.TrimSpace(address)
	if raw == "" {
		return endpoint{}, errors.New("the address is empty")
	}
	ep := endpoint{}
	if strings.Contains(raw, "://") {
		u, err := url.Parse(raw)
		if err != nil {
			return endpoint{}, fmt.Errorf("%q is not a valid URL: %v", raw, err)
		}
		switch u.Scheme {
		case "http":
		case "https":
			ep.https = true
		default:
			return endpoint{}, fmt.Errorf("%q has scheme %q; use host:port, http://host:port or https://host:port", raw, u.Scheme)
		}
		if u.Path != "" && u.Path != "/" {
			return endpoint{}, fmt.Errorf("%q has a path; set the database with db_name instead", raw)
		}
		raw = u.Host
	}
	host, port, err := net.SplitHostPort(raw)
	if err != nil {
		// No port given: Milvus listens on 19530, TLS gateways on 443.
		host, port = strings.Trim(raw, "[]"), defaultPlainPort
		if ep.https {
			port = defaultTLSPort
		}
	}
	if host == "" {
		return endpoint{}, fmt.Errorf("%q has no host name", address)
	}
	ep.hostPort = net.JoinHostPort(host, port)
	return ep, nil
}

// Validate reports settings that contradict each other.
func (c Config) Validate() error {
	if _, err := parseAddress(c.Address); err != nil {
		return err
	}
	if strings.HasPrefix(strings.TrimSpace(c.Address), "http://") && c.TLS.Enabled {
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
