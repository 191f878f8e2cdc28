// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package release

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/provider"
)

// CHANGELOG.md follows the registry providers' conventions: releases
// newest first, "## X.Y.Z (Unreleased)" or "## X.Y.Z (Month D, YYYY)";
// sections from a fixed set; each entry "* <subject>: ..." where the subject
// is provider, resource/<type> or data-source/<type> of a type this
// provider has, or "**New Resource:** `<type>`".
func TestChangelogFollowsRegistryConventions(t *testing.T) {
	ctx := context.Background()
	p := provider.New("test")()
	types := map[string]bool{}
	for _, f := range p.Resources(ctx) {
		var m resource.MetadataResponse
		f().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: provider.TypeName}, &m)
		types["resource/"+m.TypeName] = true
	}
	for _, f := range p.DataSources(ctx) {
		var m datasource.MetadataResponse
		f().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: provider.TypeName}, &m)
		types["data-source/"+m.TypeName] = true
	}

	release := regexp.MustCompile(`^## (\d+)\.(\d+)\.(\d+) \((Unreleased|(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})\)$`)
	sections := map[string]bool{"BREAKING CHANGES:": true, "NOTES:": true, "FEATURES:": true, "ENHANCEMENTS:": true, "BUG FIXES:": true}
	newType := regexp.MustCompile("^\\* \\*\\*New (Resource|Data Source):\\*\\* `(milvus_\\w+)`")
	subject := regexp.MustCompile(`^\* ([\w/-]+(?:, [\w/-]+)*): `)
	releases := 0
	for i, line := range strings.Split(readFile(t, "CHANGELOG.md"), "\n") {
		n := i + 1
		switch {
		case line == "":
		case strings.HasPrefix(line, "## "):
			if !release.MatchString(line) {
				t.Errorf("line %d: %q is not a release heading", n, line)
			}
			if releases > 0 && strings.Contains(line, "Unreleased") {
				t.Errorf("line %d: only the newest release may be unreleased", n)
			}
			releases++
		case strings.HasSuffix(line, ":") && !strings.HasPrefix(line, "*"):
			if !sections[line] {
				t.Errorf("line %d: %q is not a changelog section", n, line)
			}
		case newType.MatchString(line):
			m := newType.FindStringSubmatch(line)
			kind := map[string]string{"Resource": "resource/", "Data Source": "data-source/"}[m[1]]
			if !types[kind+m[2]] {
				t.Errorf("line %d: the provider has no %s%s", n, kind, m[2])
			}
		case subject.MatchString(line):
			for _, s := range strings.Split(subject.FindStringSubmatch(line)[1], ", ") {
				if s != "provider" && !types[s] {
					t.Errorf("line %d: %q is neither provider nor a resource or data source of this provider", n, s)
				}
			}
		case strings.HasPrefix(line, "* ") && strings.Contains(line, "**New "):
			t.Errorf("line %d: malformed new-type entry", n)
		case strings.HasPrefix(line, "* "):
			// A note about the whole project needs no subject.
		default:
			t.Errorf("line %d: %q is not a heading, section or entry", n, line)
		}
	}
	if releases < 2 {
		t.Fatalf("%d releases found", releases)
	}
}
