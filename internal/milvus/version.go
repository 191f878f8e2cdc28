// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
)

// Version is a Milvus release, e.g. 2.4.18. The zero Version means the
// server reported something that is not a release number (self-built images
// may set any build tag): then every feature is tried, and a request the
// server lacks fails as ErrUnsupported.
type Version struct {
	Major, Minor, Patch int
	Raw                 string
}

var versionPattern = regexp.MustCompile(`^v?(\d+)\.(\d+)\.(\d+)`)

// ParseVersion reads the build tag GetVersion returns ("v2.3.5-lite",
// "v2.5.4", "2.6.0-rc1").
func ParseVersion(raw string) Version {
	m := versionPattern.FindStringSubmatch(raw)
	if m == nil {
		return Version{Raw: raw}
	}
	n := func(s string) int { i, _ := strconv.Atoi(s); return i }
	return Version{Major: n(m[1]), Minor: n(m[2]), Patch: n(m[3]), Raw: raw}
}

// Known reports whether the version could be read.
func (v Version) Known() bool { return v.Major > 0 }

// AtLeast compares release numbers; an unknown version counts as new enough.
func (v Version) AtLeast(o Version) bool {
	if !v.Known() {
		return true
	}
	if v.Major != o.Major {
		return v.Major > o.Major
	}
	if v.Minor != o.Minor {
		return v.Minor > o.Minor
	}
	return v.Patch >= o.Patch
}

func (v Version) String() string {
	if v.Raw != "" {
		return v.Raw
	}
	return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
}

// Feature is something only newer Milvus servers can do
// (milvus-rbac-semantics.md §1).
type Feature struct {
	Name  string
	Since Version
}

// release2 is Milvus 2.minor.patch.
func release2(minor, patch int) Version {
	return Version{Major: 2, Minor: minor, Patch: patch}
}

// The features the provider gates on the server's version.
var (
	FeatureAllDatabaseGrants = Feature{"listing a role's grants in all databases at once", release2(4, 1)}
	FeatureForceDropRole     = Feature{"dropping a role together with its grants", release2(4, 11)}
	FeaturePrivilegeGroups   = Feature{"custom privilege groups", release2(4, 16)}
	FeatureGrantGroups       = Feature{"granting privilege groups", release2(4, 18)}
)

// Version returns the server's version, read once per client.
func (c *Client) Version(ctx context.Context) (Version, error) {
	c.versionMu.Lock()
	defer c.versionMu.Unlock()
	if c.version != nil {
		return *c.version, nil
	}
	raw, err := c.ServerVersion(ctx)
	if err != nil {
		return Version{}, err
	}
	v := ParseVersion(raw)
	c.version = &v
	return v, nil
}

// Supports reports whether the server has f.
func (c *Client) Supports(ctx context.Context, f Feature) (bool, error) {
	v, err := c.Version(ctx)
	if err != nil {
		return false, err
	}
	return v.AtLeast(f.Since), nil
}

// Require fails with ErrUnsupported, naming the feature, the version it needs
// and the server's version, when the server lacks f.
func (c *Client) Require(ctx context.Context, f Feature) error {
	v, err := c.Version(ctx)
	if err != nil {
		return err
	}
	if v.AtLeast(f.Since) {
		return nil
	}
	return unsupported(f, v)
}

func unsupported(f Feature, v Version) *Error {
	return &Error{Kind: ErrUnsupported, Entity: EntityServer, Op: "use " + f.Name,
		Reason: fmt.Sprintf("%s needs Milvus %s or later, and this server is %s", f.Name, f.Since, v)}
}
