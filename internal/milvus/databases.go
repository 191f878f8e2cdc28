// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"
	"errors"
	"sort"

	"github.com/milvus-io/milvus-proto/go-api/v2/commonpb"
	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"github.com/milvus-io/milvus/client/v2/milvusclient"
	"github.com/milvus-io/milvus/pkg/v2/util/merr"
)

// DefaultDatabase is the database every Milvus server has; it cannot be
// created or dropped.
const DefaultDatabase = "default"

// Database is a Milvus database and its properties (an empty map before
// Milvus 2.4, which has none).
type Database struct {
	Name       string
	Properties map[string]string
}

// ListDatabases returns every database name, sorted.
func (c *Client) ListDatabases(ctx context.Context) ([]string, error) {
	var names []string
	err := c.call(ctx, opListDatabases, "list databases", func(ctx context.Context) error {
		var err error
		names, err = c.sdk.ListDatabase(ctx, milvusclient.NewListDatabaseOption(), noSDKRetry)
		return err
	})
	sort.Strings(names)
	return names, err
}

// LookupDatabase reports whether a database exists, from the process's
// shared listing of databases; ErrNotFound when it does not.
func (c *Client) LookupDatabase(ctx context.Context, name string) error {
	names, err := listed(ctx, c, "databases", c.ListDatabases)
	if err != nil {
		return err
	}
	return databaseIn(names, name)
}

func databaseIn(names []string, name string) error {
	if i := sort.SearchStrings(names, name); i < len(names) && names[i] == name {
		return nil
	}
	return databaseNotFound(name)
}

func databaseNotFound(name string) *Error {
	return &Error{Kind: ErrNotFound, Entity: EntityDatabase, Op: "read database " + name, Reason: "Milvus has no database named " + name}
}

// DescribeDatabase returns one database with every property Milvus stores
// for it, or ErrNotFound. Before Milvus 2.4 databases have no properties, and
// no describe call: there the listing says whether it exists.
func (c *Client) DescribeDatabase(ctx context.Context, name string) (*Database, error) {
	props, err := c.Supports(ctx, FeatureDatabaseProperties)
	if err != nil {
		return nil, err
	}
	if !props {
		names, err := c.ListDatabases(ctx)
		if err != nil {
			return nil, err
		}
		if err := databaseIn(names, name); err != nil {
			return nil, err
		}
		return &Database{Name: name, Properties: map[string]string{}}, nil
	}
	var db *Database
	err = c.call(ctx, opDescribeDatabase, "read database "+name, func(ctx context.Context) error {
		resp, err := c.sdk.DescribeDatabase(ctx, milvusclient.NewDescribeDatabaseOption(name), noSDKRetry)
		if err != nil {
			return err
		}
		db = &Database{Name: resp.Name, Properties: map[string]string{}}
		for k, v := range resp.Properties {
			db.Properties[k] = v
		}
		return nil
	})
	return db, err
}

// DescribeDatabases returns every database with its properties, sorted by
// name: one listing, then (from Milvus 2.4.6, which has properties) one
// describe per database, as Milvus lists no properties.
func (c *Client) DescribeDatabases(ctx context.Context) ([]Database, error) {
	names, err := c.ListDatabases(ctx)
	if err != nil {
		return nil, err
	}
	props, err := c.Supports(ctx, FeatureDatabaseProperties)
	if err != nil {
		return nil, err
	}
	dbs := make([]Database, 0, len(names))
	for _, name := range names {
		db := &Database{Name: name, Properties: map[string]string{}}
		if props {
			db, err = c.DescribeDatabase(ctx, name)
			if errors.Is(err, ErrNotFound) {
				continue // dropped meanwhile
			}
			if err != nil {
				return nil, err
			}
		}
		dbs = append(dbs, *db)
	}
	return dbs, nil
}

func (c *Client) databaseExists(ctx context.Context, name string) (bool, error) {
	names, err := c.ListDatabases(ctx)
	if err != nil {
		return false, err
	}
	return databaseIn(names, name) == nil, nil
}

// CreateDatabase creates a database with properties (which need Milvus 2.4;
// the caller checks the version at plan time). ErrAlreadyExists if the name
// is taken, ErrLimitExceeded at rootCoord.maxDatabaseNum. When Milvus does
// not answer, it is asked whether the database exists before the request is
// sent again.
func (c *Client) CreateDatabase(ctx context.Context, name string, properties map[string]string) (Created, error) {
	return c.createNamed(ctx, opCreateDatabase, "create database "+name, func(ctx context.Context) error {
		return c.sdk.CreateDatabase(ctx, createDatabaseOption{name: name, properties: properties}, noSDKRetry)
	}, func(ctx context.Context) (bool, error) { return c.databaseExists(ctx, name) })
}

// createDatabaseOption sends no properties field at all when there are none,
// as a Milvus 2.3 client would.
type createDatabaseOption struct {
	name       string
	properties map[string]string
}

func (o createDatabaseOption) Request() *milvuspb.CreateDatabaseRequest {
	return &milvuspb.CreateDatabaseRequest{DbName: o.name, Properties: keyValues(o.properties)}
}

func keyValues(m map[string]string) []*commonpb.KeyValuePair {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var pairs []*commonpb.KeyValuePair
	for _, k := range keys {
		pairs = append(pairs, &commonpb.KeyValuePair{Key: k, Value: m[k]})
	}
	return pairs
}

// AlterDatabase sets properties, then removes keys (Milvus takes the two in
// separate requests; removing needs Milvus 2.5.0, which the caller checks at
// plan time). Both are safe to repeat.
func (c *Client) AlterDatabase(ctx context.Context, name string, set map[string]string, remove []string) error {
	if len(set) > 0 {
		err := c.call(ctx, opAlterDatabase, "set properties of database "+name, func(ctx context.Context) error {
			return c.sdk.AlterDatabaseProperties(ctx, alterDatabaseOption{req: &milvuspb.AlterDatabaseRequest{
				DbName: name, Properties: keyValues(set)}}, noSDKRetry)
		})
		if err != nil {
			return err
		}
	}
	if len(remove) == 0 {
		return nil
	}
	if err := c.Require(ctx, FeatureDropDatabaseProperties); err != nil {
		return err
	}
	keys := append([]string(nil), remove...)
	sort.Strings(keys)
	return c.call(ctx, opAlterDatabase, "remove properties of database "+name, func(ctx context.Context) error {
		return c.sdk.DropDatabaseProperties(ctx, alterDatabaseOption{req: &milvuspb.AlterDatabaseRequest{
			DbName: name, DeleteKeys: keys}}, noSDKRetry)
	})
}

type alterDatabaseOption struct {
	req *milvuspb.AlterDatabaseRequest
}

func (o alterDatabaseOption) Request() *milvuspb.AlterDatabaseRequest { return o.req }

// DropDatabase drops a database. A missing database is success; one that
// still holds collections is ErrInUse, and nothing is dropped.
func (c *Client) DropDatabase(ctx context.Context, name string) error {
	return c.call(ctx, opDropDatabase, "drop database "+name, func(ctx context.Context) error {
		return c.sdk.DropDatabase(ctx, milvusclient.NewDropDatabaseOption(name), noSDKRetry)
	})
}

// DatabaseCollections returns the names of a database's collections, sorted;
// ErrNotFound when the database does not exist.
func (c *Client) DatabaseCollections(ctx context.Context, db string) ([]string, error) {
	var names []string
	err := c.call(ctx, opListCollections, "list the collections of database "+db, func(ctx context.Context) error {
		resp, err := c.sdk.GetService().ShowCollections(ctx, &milvuspb.ShowCollectionsRequest{DbName: db}, noSDKRetry)
		if err := merr.CheckRPCCall(resp, err); err != nil {
			return err
		}
		names = append(names[:0], resp.GetCollectionNames()...)
		return nil
	})
	sort.Strings(names)
	return names, err
}

// GrantsIn returns every grant, of every role, whose database is db (not
// those of "*", which apply everywhere), sorted. Milvus keeps such grants
// when the database is dropped, and a new database of the same name
// inherits them.
func (c *Client) GrantsIn(ctx context.Context, db string) ([]Grant, error) {
	roles, err := c.ListRoles(ctx)
	if err != nil {
		return nil, err
	}
	var grants []Grant
	for _, role := range roles {
		rows, err := c.selectGrants(ctx, "list the grants of role "+role+" in database "+db, &milvuspb.GrantEntity{
			Role: &milvuspb.RoleEntity{Name: role}, DbName: db})
		if errors.Is(err, ErrNotFound) {
			continue // dropped meanwhile
		}
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if r.DBName == db {
				grants = append(grants, r)
			}
		}
	}
	SortGrants(grants)
	return grants, nil
}
