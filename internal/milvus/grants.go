// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"github.com/milvus-io/milvus/client/v2/milvusclient"
	"github.com/milvus-io/milvus/pkg/v2/util/merr"
)

// Object types a grant can name (proto common.ObjectType); there is no
// Database object type.
const (
	ObjectGlobal     = "Global"
	ObjectCollection = "Collection"
	ObjectUser       = "User"
)

// AllDatabases is the db_name of a grant that applies in every database.
const AllDatabases = "*"

// Grant is one row of Milvus's grant table: role may do Privilege on
// ObjectType/ObjectName in DBName. Privilege is a privilege name in API form
// ("Insert"), or the name of a privilege group when Group is set.
type Grant struct {
	Role       string
	ObjectType string
	ObjectName string
	DBName     string
	Privilege  string
	Group      bool
	Grantor    string // informational: the first grantor wins
}

// Key is the grant without its grantor: what identifies the row.
func (g Grant) Key() Grant { g.Grantor, g.Group = "", false; return g }

func (g Grant) what() string {
	return g.Privilege + " on " + g.ObjectType + " " + g.ObjectName + " in database " + g.DBName + " for role " + g.Role
}

// Grant grants a privilege, or a privilege group when g.Group is set (with
// the call Milvus 2.4.18 added; single privileges use the classic call every
// version has). Granting twice succeeds.
func (c *Client) Grant(ctx context.Context, g Grant) error {
	return c.operateGrant(ctx, g, true)
}

// Revoke revokes a grant. Revoking a missing grant succeeds.
func (c *Client) Revoke(ctx context.Context, g Grant) error {
	return c.operateGrant(ctx, g, false)
}

func (c *Client) operateGrant(ctx context.Context, g Grant, grant bool) error {
	op, verb := opGrant, "grant "
	if !grant {
		op, verb = opRevoke, "revoke "
	}
	if g.Group {
		if err := c.Require(ctx, FeatureGrantGroups); err != nil {
			return err
		}
	}
	return c.call(ctx, op, verb+g.what(), func(ctx context.Context) error {
		switch {
		case g.Group && grant:
			return c.sdk.GrantPrivilegeV2(ctx, milvusclient.NewGrantPrivilegeV2Option(g.Role, g.Privilege, g.ObjectName).WithDbName(g.DBName), noSDKRetry)
		case g.Group:
			return c.sdk.RevokePrivilegeV2(ctx, milvusclient.NewRevokePrivilegeV2Option(g.Role, g.Privilege, g.ObjectName).WithDbName(g.DBName), noSDKRetry)
		case grant:
			return c.sdk.GrantPrivilege(ctx, milvusclient.NewGrantPrivilegeOption(g.Role, g.ObjectType, g.Privilege, g.ObjectName).WithDbName(g.DBName), noSDKRetry)
		default:
			return c.sdk.RevokePrivilege(ctx, milvusclient.NewRevokePrivilegeOption(g.Role, g.ObjectType, g.Privilege, g.ObjectName).WithDbName(g.DBName), noSDKRetry)
		}
	})
}

// FindGrant reads back exactly one grant row: ErrNotFound when the role
// lacks it (or the role itself is gone). Rows Milvus adds beside it (Load
// brings GetLoadState and GetLoadingProgress) are other rows.
func (c *Client) FindGrant(ctx context.Context, key Grant) (*Grant, error) {
	rows, err := c.selectGrants(ctx, "read grant "+key.what(), &milvuspb.GrantEntity{
		Role:       &milvuspb.RoleEntity{Name: key.Role},
		Object:     &milvuspb.ObjectEntity{Name: key.ObjectType},
		ObjectName: key.ObjectName,
		DbName:     key.DBName,
	})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r.Key() == key.Key() {
			return &r, nil
		}
	}
	if target, ok := c.aliasTarget(ctx, key); ok {
		for _, r := range rows {
			if r.Key() == target.Key() {
				return &r, nil
			}
		}
	}
	return nil, &Error{Kind: ErrNotFound, Entity: EntityGrant, Op: "read grant " + key.what(), Reason: "Milvus has no such grant"}
}

// aliasTarget is the row Milvus 2.6.12 and later store for a grant that
// names an alias: the same grant on the alias's collection.
func (c *Client) aliasTarget(ctx context.Context, key Grant) (Grant, bool) {
	if key.ObjectType != ObjectCollection || key.ObjectName == "*" || key.DBName == AllDatabases {
		return Grant{}, false
	}
	if ok, err := c.Supports(ctx, FeatureGrantsFollowCollections); err != nil || !ok {
		return Grant{}, false
	}
	collection, isAlias, err := c.ResolveAlias(ctx, key.DBName, key.ObjectName)
	if err != nil || !isAlias {
		return Grant{}, false
	}
	key.ObjectName = collection
	return key, true
}

// RoleGrants returns every grant of a role in every database, sorted. Milvus
// 2.4.1+ lists all databases at once (db_name "*"); 2.3 lists one database
// at a time, so there each database is asked in turn, "*" included.
func (c *Client) RoleGrants(ctx context.Context, role string) ([]Grant, error) {
	return c.roleGrants(ctx, role, c.ListDatabases)
}

// roleGrants lists a role's grants, asking listDatabases for the databases
// where it must list them one at a time.
func (c *Client) roleGrants(ctx context.Context, role string, listDatabases func(context.Context) ([]string, error)) ([]Grant, error) {
	all, err := c.Supports(ctx, FeatureAllDatabaseGrants)
	if err != nil {
		return nil, err
	}
	dbs := []string{AllDatabases}
	if !all {
		names, err := listDatabases(ctx)
		if err != nil {
			return nil, err
		}
		dbs = append(dbs, names...)
	}
	seen := map[Grant]bool{}
	var grants []Grant
	for _, db := range dbs {
		rows, err := c.selectGrants(ctx, "list the grants of role "+role, &milvuspb.GrantEntity{
			Role: &milvuspb.RoleEntity{Name: role}, DbName: db})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			// A per-database listing repeats the "*" database's rows.
			if !seen[r.Key()] {
				seen[r.Key()] = true
				grants = append(grants, r)
			}
		}
	}
	SortGrants(grants)
	return grants, nil
}

// SortGrants orders grants by database, object type, object name, privilege.
func SortGrants(grants []Grant) {
	sort.Slice(grants, func(i, j int) bool {
		a, b := grants[i], grants[j]
		if a.DBName != b.DBName {
			return a.DBName < b.DBName
		}
		if a.ObjectType != b.ObjectType {
			return a.ObjectType < b.ObjectType
		}
		if a.ObjectName != b.ObjectName {
			return a.ObjectName < b.ObjectName
		}
		return a.Privilege < b.Privilege
	})
}

// selectGrants calls SelectGrant; the SDK offers it only inside DescribeRole,
// for the client's current database.
func (c *Client) selectGrants(ctx context.Context, what string, filter *milvuspb.GrantEntity) ([]Grant, error) {
	var grants []Grant
	err := c.call(ctx, opListGrants, what, func(ctx context.Context) error {
		resp, err := c.sdk.GetService().SelectGrant(ctx, &milvuspb.SelectGrantRequest{Entity: filter}, noSDKRetry)
		if err := merr.CheckRPCCall(resp, err); err != nil {
			return err
		}
		grants = grants[:0]
		for _, e := range resp.GetEntities() {
			privilege := e.GetGrantor().GetPrivilege().GetName()
			if strings.TrimSpace(privilege) == "" || strings.TrimSpace(e.GetObjectName()) == "" {
				continue // a ghost entry of Milvus 2.6.18 and older (#50544)
			}
			grants = append(grants, Grant{
				Role:       e.GetRole().GetName(),
				ObjectType: e.GetObject().GetName(),
				ObjectName: e.GetObjectName(),
				DBName:     e.GetDbName(),
				Privilege:  privilege,
				Group:      !GrantedByClassicCall(privilege),
				Grantor:    e.GetGrantor().GetUser().GetName(),
			})
		}
		return nil
	})
	return grants, err
}

// RolesUsing returns the roles with a grant of the privilege group, sorted.
func (c *Client) RolesUsing(ctx context.Context, group string) ([]string, error) {
	roles, err := c.ListRoles(ctx)
	if err != nil {
		return nil, err
	}
	var users []string
	for _, role := range roles {
		grants, err := c.RoleGrants(ctx, role)
		if errors.Is(err, ErrNotFound) {
			continue // dropped meanwhile
		}
		if err != nil {
			return nil, err
		}
		for _, g := range grants {
			if g.Privilege == group {
				users = append(users, role)
				break
			}
		}
	}
	return users, nil
}

// ListRoleGrants returns every grant of a role in every database, sorted,
// from the process's shared listing (one listing per role, however many
// resources read it).
func (c *Client) ListRoleGrants(ctx context.Context, role string) ([]Grant, error) {
	return listed(ctx, c, "grants of "+role, func(ctx context.Context) ([]Grant, error) {
		// Before 2.4.1 every role's listing goes database by database: the
		// databases are listed once for all of them.
		return c.roleGrants(ctx, role, func(ctx context.Context) ([]string, error) {
			return listed(ctx, c, "databases", c.ListDatabases)
		})
	})
}

// roleGrantsIn returns, from the process's shared listings, a listing of
// the role's grants that holds every grant it has in db: the role's whole
// listing from 2.4.1 (one request); before, its listing in db alone, since
// Milvus 2.3 lists one database at a time and asking every database for
// every role would cost roles × databases requests.
func (c *Client) roleGrantsIn(ctx context.Context, role, db string) ([]Grant, error) {
	all, err := c.Supports(ctx, FeatureAllDatabaseGrants)
	if err != nil {
		return nil, err
	}
	if all {
		return c.ListRoleGrants(ctx, role)
	}
	return listed(ctx, c, "grants of "+role+" in "+db, func(ctx context.Context) ([]Grant, error) {
		return c.selectGrants(ctx, "list the grants of role "+role, &milvuspb.GrantEntity{
			Role: &milvuspb.RoleEntity{Name: role}, DbName: db})
	})
}

// LookupGrant finds one grant row in the process's shared listings of the
// role's grants, or ErrNotFound when the row, or the role, is gone.
func (c *Client) LookupGrant(ctx context.Context, key Grant) (*Grant, error) {
	grants, err := c.roleGrantsIn(ctx, key.Role, key.DBName)
	if err != nil {
		return nil, err
	}
	for _, g := range grants {
		if g.Key() == key.Key() {
			return &g, nil
		}
	}
	if target, ok := c.aliasTarget(ctx, key); ok {
		for _, g := range grants {
			if g.Key() == target.Key() {
				return &g, nil
			}
		}
	}
	return nil, &Error{Kind: ErrNotFound, Entity: EntityGrant, Op: "read grant " + key.what(), Reason: "Milvus has no such grant"}
}

// GoneWithItsCollection reports whether a grant Milvus no longer has went
// with its collection: from 2.6.12, dropping a collection deletes its
// Collection grants and renaming it moves them, so a grant on one named
// collection that no longer exists was not revoked by anyone.
func (c *Client) GoneWithItsCollection(ctx context.Context, g Grant) (bool, error) {
	if g.ObjectType != ObjectCollection || g.ObjectName == "*" || g.DBName == AllDatabases {
		return false, nil
	}
	if ok, err := c.Supports(ctx, FeatureGrantsFollowCollections); err != nil || !ok {
		return false, err
	}
	collections, err := listed(ctx, c, "collections of "+g.DBName, func(ctx context.Context) ([]string, error) {
		return c.DatabaseCollections(ctx, g.DBName)
	})
	if errors.Is(err, ErrNotFound) {
		return true, nil // its database is gone, and the collection with it
	}
	if err != nil {
		return false, err
	}
	_, isAlias, err := c.ResolveAlias(ctx, g.DBName, g.ObjectName)
	return !slices.Contains(collections, g.ObjectName) && !isAlias, err
}

// companions are the rows Milvus adds beside a granted privilege, on the
// same object (RelatedPrivileges, 2.3.6 and later): revoking the privilege
// revokes them too.
var companions = map[string][]string{"Load": {"GetLoadState", "GetLoadingProgress"}, "Flush": {"GetFlushState"}}

// CompanionOf reports whether Milvus adds g itself beside another row of
// grants (a GetLoadState row beside Load on the same object).
func CompanionOf(g Grant, grants []Grant) bool {
	for _, parent := range grants {
		if parent.Role != g.Role || parent.DBName != g.DBName || parent.ObjectType != g.ObjectType || parent.ObjectName != g.ObjectName {
			continue
		}
		for _, c := range companions[parent.Privilege] {
			if c == g.Privilege {
				return true
			}
		}
	}
	return false
}

// HasCompanions reports whether revoking g revokes other rows with it.
func HasCompanions(g Grant) bool { return len(companions[g.Privilege]) > 0 }

// FeatureGrantsFollowCollections: from 2.6.12, dropping a collection deletes
// its Collection grants, renaming it moves them, and a grant naming an alias
// is stored under, and checked on, the alias's collection (#48052, #48151;
// proxy.resolveAliasForPrivilege, default true).
var FeatureGrantsFollowCollections = Feature{Name: "grants that follow their collection", Since: release2(6, 12)}

// ResolveAlias returns the collection an alias names in db, and whether
// name is an alias at all. Whether it is comes from the process's shared
// listing of db's aliases, so a plan of N grants asks once per database,
// not N times; only an alias is described.
func (c *Client) ResolveAlias(ctx context.Context, db, name string) (collection string, isAlias bool, err error) {
	aliases, err := listed(ctx, c, "aliases in "+db, func(ctx context.Context) ([]string, error) { return c.listAliases(ctx, db) })
	if errors.Is(err, ErrNotFound) {
		return "", false, nil // no database, no alias
	}
	if err != nil || !slices.Contains(aliases, name) {
		return "", false, err
	}
	err = c.call(ctx, opDescribeAlias, "describe alias "+name+" in database "+db, func(ctx context.Context) error {
		resp, err := c.sdk.GetService().DescribeAlias(ctx, &milvuspb.DescribeAliasRequest{DbName: db, Alias: name}, noSDKRetry)
		if err := merr.CheckRPCCall(resp, err); err != nil {
			return err
		}
		collection = resp.GetCollection()
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return "", false, nil // dropped since the listing
	}
	return collection, err == nil && collection != "", err
}

// listAliases lists every alias in db (Milvus 2.4+, where an empty
// collection name means all of them).
func (c *Client) listAliases(ctx context.Context, db string) ([]string, error) {
	var aliases []string
	err := c.call(ctx, opListAliases, "list aliases in database "+db, func(ctx context.Context) error {
		resp, err := c.sdk.GetService().ListAliases(ctx, &milvuspb.ListAliasesRequest{DbName: db}, noSDKRetry)
		if err := merr.CheckRPCCall(resp, err); err != nil {
			return err
		}
		aliases = resp.GetAliases()
		return nil
	})
	return aliases, err
}
