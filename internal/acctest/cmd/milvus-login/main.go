// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Command milvus-login logs in to a Milvus server, the way any client does,
// and prints the version it reports. scripts/milvus-server.sh runs it before
// it calls a server ready: a health page can be answered by another server,
// a login on the printed address cannot.
//
//	milvus-login -address 127.0.0.1:19540 -user root -password Milvus [-ca ca.pem -cert client.pem -key client.key]
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

func main() {
	address := flag.String("address", "", "host:port")
	user := flag.String("user", "root", "username")
	password := flag.String("password", "Milvus", "password")
	wait := flag.Duration("timeout", 10*time.Second, "how long to keep trying")
	ca := flag.String("ca", "", "CA certificate (PEM file) for TLS")
	cert := flag.String("cert", "", "client certificate (PEM file) for mutual TLS")
	key := flag.String("key", "", "client key (PEM file) for mutual TLS")
	flag.Parse()
	version, err := login(*address, *user, *password, *wait, *ca, *cert, *key)
	if err != nil {
		fmt.Fprintf(os.Stderr, "milvus-login: %s: %v\n", *address, err)
		os.Exit(1)
	}
	fmt.Println(version)
}

func login(address, user, password string, wait time.Duration, ca, cert, key string) (string, error) {
	creds := insecure.NewCredentials()
	if ca != "" {
		cfg, err := tlsConfig(ca, cert, key)
		if err != nil {
			return "", err
		}
		creds = credentials.NewTLS(cfg)
	}
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(creds))
	if err != nil {
		return "", err
	}
	defer func() { _ = conn.Close() }()
	rpc := milvuspb.NewMilvusServiceClient(conn)
	token := base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
	deadline := time.Now().Add(wait)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", token)
		version, err := connect(ctx, rpc, user)
		cancel()
		if err == nil || time.Now().After(deadline) {
			return version, err
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func connect(ctx context.Context, rpc milvuspb.MilvusServiceClient, user string) (string, error) {
	resp, err := rpc.Connect(ctx, &milvuspb.ConnectRequest{ClientInfo: &commonpb.ClientInfo{SdkType: "milvus-login", User: user}})
	if err != nil {
		return "", err
	}
	if st := resp.GetStatus(); st.GetCode() != 0 || st.GetErrorCode() != commonpb.ErrorCode_Success {
		return "", fmt.Errorf("code %d: %s", st.GetCode(), st.GetReason())
	}
	v, err := rpc.GetVersion(ctx, &milvuspb.GetVersionRequest{})
	if err != nil {
		return "", err
	}
	return v.GetVersion(), nil
}

func tlsConfig(ca, cert, key string) (*tls.Config, error) {
	pem, err := os.ReadFile(ca)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, errors.New("no certificate in " + ca)
	}
	cfg := &tls.Config{RootCAs: pool, ServerName: "milvus.test", MinVersion: tls.VersionTLS12}
	if cert != "" {
		pair, err := tls.LoadX509KeyPair(cert, key)
		if err != nil {
			return nil, err
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	return cfg, nil
}
