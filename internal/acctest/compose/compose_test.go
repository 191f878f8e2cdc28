// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package compose

import (
	"slices"
	"strings"
	"testing"
)

func load(t *testing.T) *Project {
	t.Helper()
	p, err := Load("../../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEveryServerHasAuthorizationAndRootAsSuperUser(t *testing.T) {
	p := load(t)
	for _, service := range []string{Main, Defaults} {
		settings, err := p.Settings(service)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"COMMON_SECURITY_AUTHORIZATIONENABLED=true", "COMMON_SECURITY_SUPERUSERS=root"} {
			if !slices.Contains(settings, want) {
				t.Errorf("%s: settings %v lack %s", service, settings, want)
			}
		}
		for _, s := range settings {
			if strings.HasPrefix(s, "ETCD_") || strings.HasPrefix(s, "COMMON_STORAGETYPE") {
				t.Errorf("%s: container-only setting %s given to the embedded server", service, s)
			}
		}
	}
}

func TestOnlyTheMainServerRaisesLimits(t *testing.T) {
	p := load(t)
	main, _ := p.Settings(Main)
	if !slices.Contains(main, "PROXY_MAXROLENUM=200") {
		t.Errorf("main server settings %v: want PROXY_MAXROLENUM=200", main)
	}
	defaults, _ := p.Settings(Defaults)
	for _, s := range defaults {
		if strings.HasPrefix(s, "PROXY_MAX") {
			t.Errorf("the defaults server changes a limit: %s", s)
		}
	}
}

func TestTestEnvReachesThePublishedPorts(t *testing.T) {
	env, err := load(t).TestEnv()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"MILVUS_ADDRESS=127.0.0.1:19530", "MILVUS_USERNAME=root", "MILVUS_PASSWORD=Milvus",
		"MILVUS_TEST_SUPERUSERS=root", "MILVUS_TEST_DEFAULTS_ADDRESS=127.0.0.1:19531",
	}
	if !slices.Equal(env, want) {
		t.Errorf("TestEnv() = %v, want %v", env, want)
	}
}
