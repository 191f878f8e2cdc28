# A Milvus with common.security.tlsMode: 2 (mutual TLS) and a private CA.
provider "milvus" {
  address     = "https://milvus.example.internal:19530"
  ca_cert     = "${path.module}/certs/ca.pem"
  client_cert = "${path.module}/certs/client.pem"
  client_key  = "${path.module}/certs/client.key"
  timeout     = "10s"
}
