// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package logging decides, in a provider's main, whether its loggers run at
// all. It imports nothing heavy, so the benchmark's floor provider uses it
// too.
package logging

import "strings"

// loggerVariables set the level of the loggers inside the provider process:
// terraform-plugin-go's SDK and protocol loggers, the framework's, and the
// provider's own (tflog). Unset, each logs at TRACE.
func loggerVariables(typeName string) []string {
	return []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_" + strings.ToUpper(typeName)}
}

// QuietLogs turns the provider's loggers off when the CLI does not collect
// provider logs: it decides that from TF_LOG_PROVIDER, else TF_LOG (empty or
// "off": nothing collected), and TF_TEMP_LOG_PATH (a CLI crash log, which
// collects everything), the way Terraform and OpenTofu do. Otherwise every
// log line would still be formatted, its caller looked up, and the result
// written to a pipe the CLI discards: a third of the provider's CPU in a
// large plan. A logger variable set explicitly is left alone, and nothing
// changes when logs are collected. It reports whether it turned them off.
func QuietLogs(typeName string, lookup func(string) (string, bool), setenv func(key, value string) error) bool {
	getenv := func(key string) string { v, _ := lookup(key); return v }
	level := getenv("TF_LOG_PROVIDER")
	if level == "" {
		level = getenv("TF_LOG")
	}
	if (level != "" && !strings.EqualFold(strings.TrimSpace(level), "off")) || getenv("TF_TEMP_LOG_PATH") != "" {
		return false
	}
	for _, key := range loggerVariables(typeName) {
		if _, set := lookup(key); !set {
			// Exactly "off": hclog reads any other unknown word as TRACE.
			_ = setenv(key, "off")
		}
	}
	return true
}
