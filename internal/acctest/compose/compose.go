// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Package compose reads the test servers' settings from docker-compose.yml,
// so the CI containers and the embedded server the scripts run cannot
// drift apart.
package compose

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Main and Defaults are the compose services of the main test server and of
// the one with Milvus's default limits.
const (
	Main     = "milvus"
	Defaults = "milvus-defaults"
)

// Project is what the tests use of a compose file.
type Project struct {
	// Container holds the settings only a container needs (x-container).
	Container map[string]string `yaml:"x-container"`
	Services  map[string]struct {
		Image       string            `yaml:"image"`
		Environment map[string]string `yaml:"environment"`
		Ports       []string          `yaml:"ports"`
	} `yaml:"services"`
}

// Load parses a compose file, anchors and merge keys included.
func Load(path string) (*Project, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p Project
	if err := yaml.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, name := range []string{Main, Defaults} {
		if _, ok := p.Services[name]; !ok {
			return nil, fmt.Errorf("%s: no service %q", path, name)
		}
	}
	return &p, nil
}

// Settings are a service's Milvus settings as KEY=VALUE, sorted, without
// those only a container needs.
func (p *Project) Settings(service string) ([]string, error) {
	s, ok := p.Services[service]
	if !ok {
		return nil, fmt.Errorf("no service %q", service)
	}
	var lines []string
	for k, v := range s.Environment {
		if _, containerOnly := p.Container[k]; !containerOnly {
			lines = append(lines, k+"="+v)
		}
	}
	sort.Strings(lines)
	return lines, nil
}

// SuperUsers is the main server's common.security.superUsers.
func (p *Project) SuperUsers() string {
	return p.Services[Main].Environment["COMMON_SECURITY_SUPERUSERS"]
}

// address is where a service's gRPC port 19530 is published on the host.
func (p *Project) address(service string) (string, error) {
	for _, port := range p.Services[service].Ports {
		// host_ip:host_port:container_port
		parts := strings.Split(port, ":")
		if len(parts) == 3 && parts[2] == "19530" {
			return parts[0] + ":" + parts[1], nil
		}
	}
	return "", fmt.Errorf("service %q publishes no host_ip:port:19530", service)
}

// TestEnv is the environment the acceptance tests read to reach the
// containers: the main server as root with Milvus's default password, and
// the defaults server beside it.
func (p *Project) TestEnv() ([]string, error) {
	main, err := p.address(Main)
	if err != nil {
		return nil, err
	}
	defaults, err := p.address(Defaults)
	if err != nil {
		return nil, err
	}
	return []string{
		"MILVUS_ADDRESS=" + main,
		"MILVUS_USERNAME=root",
		"MILVUS_PASSWORD=Milvus",
		"MILVUS_TEST_SUPERUSERS=" + p.SuperUsers(),
		"MILVUS_TEST_DEFAULTS_ADDRESS=" + defaults,
	}, nil
}
