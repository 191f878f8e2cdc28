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

// Feature is something only newer Milvus servers can do, from Since on (and,
// where it was backported, from the patch of an older minor line that got it).
type Feature struct {
	Name  string
	Since Version
	// Backports are the first patches of older minor lines that have it
	// too (the 2.4 line got some 2.5 features late).
	Backports []Version
}

// In reports whether v has the feature.
func (f Feature) In(v Version) bool {
	for _, b := range f.Backports {
		if v.Known() && v.Major == b.Major && v.Minor == b.Minor {
			return v.AtLeast(b)
		}
	}
	return v.AtLeast(f.Since)
}

// Needs says which versions have the feature: "2.5.8 or later (2.4.24 on
// the 2.4 line)".
func (f Feature) Needs() string {
	text := f.Since.String() + " or later"
	for _, b := range f.Backports {
		text += fmt.Sprintf(" (%s on the %d.%d line)", b, b.Major, b.Minor)
	}
	return text
}

// release2 is Milvus 2.minor.patch.
func release2(minor, patch int) Version {
	return Version{Major: 2, Minor: minor, Patch: patch}
}

// release3_0 is Milvus 3.0.0.
var release3_0 = Version{Major: 3}

// The features the provider gates on the server's version.
var (
	FeatureAllDatabaseGrants = Feature{Name: "listing a role's grants in all databases at once", Since: release2(4, 1)}
	FeatureForceDropRole     = Feature{Name: "dropping a role together with its grants", Since: release2(4, 11)}
	FeaturePrivilegeGroups   = Feature{Name: "custom privilege groups", Since: release2(4, 16)}
	FeatureGrantGroups       = Feature{Name: "granting privilege groups", Since: release2(4, 18)}

	// Database properties: CreateDatabase honours them from 2.4.6 (#34511),
	// AlterDatabase (#32639) and DescribeDatabase (#32732) came before.
	FeatureDatabaseProperties = Feature{Name: "database properties", Since: release2(4, 6)}
	// database.force.deny.reading (#35754).
	FeatureDatabaseDenyReading = Feature{Name: "the database property database.force.deny.reading", Since: release2(4, 10)}
	// The force.deny DDL, index, flush and compaction switches (#40784, #40785).
	FeatureDatabaseDDLSwitches = Feature{Name: "the database properties database.force.deny.ddl and its kin",
		Since: release2(5, 8), Backports: []Version{release2(4, 24)}}
	// AlterDatabase.delete_keys (#38380, #38450).
	FeatureDropDatabaseProperties = Feature{Name: "removing a database property", Since: release2(5, 0),
		Backports: []Version{release2(4, 18)}}
	// The timezone database property, checked by the server (#45321).
	FeatureDatabaseTimezone = Feature{Name: "the database property timezone", Since: release2(6, 6)}
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
	return f.In(v), nil
}

// Require fails with ErrUnsupported, naming the feature, the version it needs
// and the server's version, when the server lacks f.
func (c *Client) Require(ctx context.Context, f Feature) error {
	v, err := c.Version(ctx)
	if err != nil {
		return err
	}
	if f.In(v) {
		return nil
	}
	return unsupported(f, v)
}

func unsupported(f Feature, v Version) *Error {
	return &Error{Kind: ErrUnsupported, Entity: EntityServer, Op: "use " + f.Name,
		Reason: fmt.Sprintf("%s needs Milvus %s, and this server is %s", f.Name, f.Needs(), v)}
}
