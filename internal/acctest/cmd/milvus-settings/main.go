// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

// Command milvus-settings reads docker-compose.yml, the one place the test
// servers' settings live, and prints them as environment lines:
//
//	milvus-settings -service milvus   # the server's settings, for scripts/milvus-server.sh
//	milvus-settings -test-env         # what the tests need to reach the containers
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest/compose"
)

func main() {
	file := flag.String("file", "docker-compose.yml", "the compose file")
	service := flag.String("service", "", "print this service's Milvus settings")
	testEnv := flag.Bool("test-env", false, "print MILVUS_ADDRESS and the other test settings for the containers")
	flag.Parse()

	project, err := compose.Load(*file)
	if err != nil {
		fail(err)
	}
	var lines []string
	switch {
	case *service != "":
		lines, err = project.Settings(*service)
	case *testEnv:
		lines, err = project.TestEnv()
	default:
		err = fmt.Errorf("give -service NAME or -test-env")
	}
	if err != nil {
		fail(err)
	}
	for _, line := range lines {
		fmt.Println(line)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "milvus-settings:", err)
	os.Exit(1)
}
