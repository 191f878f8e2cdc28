// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package logging

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
)

func TestQuietLogs_decision(t *testing.T) {
	cases := []struct {
		env   map[string]string
		quiet bool
	}{
		{map[string]string{}, true},
		{map[string]string{"TF_LOG": "off"}, true},
		{map[string]string{"TF_LOG": "OFF "}, true},
		{map[string]string{"TF_LOG_CORE": "trace"}, true},  // the CLI's own logs only
		{map[string]string{"TF_LOG_PATH": "/tmp/x"}, true}, // a file for nothing
		{map[string]string{"TF_LOG": "trace"}, false},
		{map[string]string{"TF_LOG": "json"}, false},
		{map[string]string{"TF_LOG": "debug"}, false},
		{map[string]string{"TF_LOG_PROVIDER": "info"}, false},
		{map[string]string{"TF_LOG": "trace", "TF_LOG_PROVIDER": "off"}, true},
		{map[string]string{"TF_LOG": "off", "TF_LOG_PROVIDER": "debug"}, false},
		{map[string]string{"TF_TEMP_LOG_PATH": "/tmp/crash.log"}, false},
	}
	for _, c := range cases {
		set := map[string]string{}
		lookup := func(k string) (string, bool) { v, ok := c.env[k]; return v, ok }
		got := QuietLogs("milvus", lookup, func(k, v string) error { set[k] = v; return nil })
		if got != c.quiet {
			t.Errorf("%v: quiet = %v, want %v", c.env, got, c.quiet)
		}
		if c.quiet && len(set) != len(loggerVariables("milvus")) || !c.quiet && len(set) != 0 {
			t.Errorf("%v: set %v", c.env, set)
		}
	}
	// An explicit logger setting is kept.
	set := map[string]string{}
	QuietLogs("milvus", func(k string) (string, bool) {
		if k == "TF_LOG_SDK_FRAMEWORK" {
			return "debug", true
		}
		return "", false
	},
		func(k, v string) error { set[k] = v; return nil })
	if _, changed := set["TF_LOG_SDK_FRAMEWORK"]; changed || len(set) != len(loggerVariables("milvus"))-1 {
		t.Errorf("the explicit TF_LOG_SDK_FRAMEWORK was overridden: %v", set)
	}
}

// When the CLI collects no provider logs, the provider writes not one log
// line (so it formats none); when TF_LOG or TF_LOG_PROVIDER asks for them,
// it writes exactly the lines it writes without QuietLogs. The provider is
// served as in production (tf6server, the framework's server) and driven
// through its gRPC-layer handlers; its log output is captured from stderr.
func TestQuietLogs_nothingWrittenUnlessCollectedAndNothingLostWhenCollected(t *testing.T) {
	// The first server of the process logs one line the others do not (a
	// cache filled once), so the baseline is the second run.
	logLines(t, map[string]string{"TF_LOG": "trace"}, false)
	baseline := logLines(t, map[string]string{"TF_LOG": "trace"}, false)
	if len(baseline) < 10 {
		t.Fatalf("the provider logged only %d lines at TRACE; the test would prove nothing", len(baseline))
	}
	if quiet := logLines(t, map[string]string{}, true); len(quiet) != 0 {
		t.Errorf("with no TF_LOG the provider still wrote %d log lines, e.g. %s", len(quiet), quiet[0])
	}
	for _, env := range []map[string]string{{"TF_LOG": "trace"}, {"TF_LOG_PROVIDER": "trace"}, {"TF_LOG": "JSON"}} {
		if got := logLines(t, env, true); !slices.Equal(got, baseline) {
			t.Errorf("%v: %d lines with QuietLogs, %d without", env, len(got), len(baseline))
		}
	}
}

// logLines serves the provider with env (and QuietLogs when quiet), asks it
// for its schema and to validate and plan a milvus_user, and returns the log
// lines it wrote as "level module message", sorted.
func logLines(t *testing.T, env map[string]string, quiet bool) []string {
	for _, k := range append([]string{"TF_LOG", "TF_LOG_PROVIDER", "TF_TEMP_LOG_PATH"}, loggerVariables("milvus")...) {
		t.Setenv(k, env[k])
		if _, ok := env[k]; !ok {
			_ = os.Unsetenv(k)
		}
	}
	if quiet {
		QuietLogs("milvus", os.LookupEnv, func(k, v string) error { t.Setenv(k, v); return nil })
	}
	captured, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = captured
	defer func() { os.Stderr = stderr }()

	server := tf6server.New(provider.Address, providerserver.NewProtocol6(provider.New("test")())(), tf6server.WithoutLogStderrOverride())
	call(t, server, "GetProviderSchema", "tfplugin6.GetProviderSchema.Request", nil)
	typ := userType(t)
	values := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		values[name] = tftypes.NewValue(at, nil)
	}
	values["name"] = tftypes.NewValue(tftypes.String, "alice")
	values["password"] = tftypes.NewValue(tftypes.String, "Not_logged_123")
	config := tftypes.NewValue(typ, values)
	call(t, server, "ValidateResourceConfig", "tfplugin6.ValidateResourceConfig.Request", func(m protoreflect.Message) {
		m.Set(m.Descriptor().Fields().ByName("type_name"), protoreflect.ValueOfString("milvus_user"))
		setDynamic(t, m, "config", typ, config)
	})
	_ = captured.Sync()
	data, err := os.ReadFile(captured.Name())
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	scanner := bufio.NewScanner(strings.NewReader(string(data)))
	for scanner.Scan() {
		var line map[string]any
		if json.Unmarshal(scanner.Bytes(), &line) != nil {
			t.Fatalf("not a log line: %s", scanner.Text())
		}
		lines = append(lines, strings.Join([]string{str(line["@level"]), str(line["@module"]), str(line["@message"])}, " "))
	}
	slices.Sort(lines)
	return lines
}

func str(v any) string { s, _ := v.(string); return s }

func userType(t *testing.T) tftypes.Object {
	schemas, err := providerserver.NewProtocol6(provider.New("test")())().GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ, ok := schemas.ResourceSchemas["milvus_user"].ValueType().(tftypes.Object)
	if !ok {
		t.Fatal("milvus_user has no object type")
	}
	return typ
}

func setDynamic(t *testing.T, m protoreflect.Message, field string, typ tftypes.Type, v tftypes.Value) {
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	sub := m.Mutable(m.Descriptor().Fields().ByName(protoreflect.Name(field))).Message()
	sub.Set(sub.Descriptor().Fields().ByName("msgpack"), protoreflect.ValueOfBytes(dv.MsgPack))
}

// call invokes one RPC handler of the tf6server; its request type lives in
// an internal package, so it is built by name from the protobuf registry.
func call(t *testing.T, server any, method, request string, fill func(protoreflect.Message)) {
	t.Helper()
	mt, err := protoregistry.GlobalTypes.FindMessageByName(protoreflect.FullName(request))
	if err != nil {
		t.Fatal(err)
	}
	req := mt.New()
	if fill != nil {
		fill(req)
	}
	out := reflect.ValueOf(server).MethodByName(method).Call([]reflect.Value{reflect.ValueOf(context.Background()), reflect.ValueOf(req.Interface())})
	if !out[1].IsNil() {
		t.Fatal(out[1].Interface())
	}
}
