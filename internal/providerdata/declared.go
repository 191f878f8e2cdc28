// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package providerdata

import (
	"sort"
	"strings"
	"sync"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Declared is what the resources of one configuration declare, as their
// plans are made in this provider process: a resource cannot see the
// others, but every plan passes through here. It lets a plan find what only
// the whole configuration shows: two authoritative resources for one role,
// an additive grant or binding beside them, a user or role that no one
// creates. Terraform plans a resource after those it refers to, so what it
// refers to is declared by then.
type Declared struct {
	mu sync.Mutex
	// policies are the grant sets of milvus_role_policy resources by role,
	// each set by its fingerprint (a resource planned twice in one process
	// is the same resource).
	policies map[string]map[string][]milvus.Grant
	members  map[string]map[string][]string
	grants   map[string]map[milvus.Grant]bool // additive milvus_grant rows by role
	bindings map[string]map[string]bool       // additive milvus_user_role users by role
	users    map[string]bool                  // milvus_user names
	roles    map[string]bool                  // milvus_role names
}

func fingerprint(items []string) string {
	sorted := append([]string(nil), items...)
	sort.Strings(sorted)
	return strings.Join(sorted, "\x00")
}

func grantKey(g milvus.Grant) string {
	return strings.Join([]string{g.DBName, g.ObjectType, g.ObjectName, g.Privilege}, "\x00")
}

func (d *Declared) init() {
	if d.policies == nil {
		d.policies, d.members = map[string]map[string][]milvus.Grant{}, map[string]map[string][]string{}
		d.grants, d.bindings = map[string]map[milvus.Grant]bool{}, map[string]map[string]bool{}
		d.users, d.roles = map[string]bool{}, map[string]bool{}
	}
}

// Conflict is one clash the configuration has for a role.
type Conflict struct {
	// Twice: two authoritative resources of the same kind for the role.
	Twice bool
	// Fighting are additive rows the policy would revoke (grants) or the
	// members resource would remove (users) on every apply; Redundant are
	// those it declares as well.
	Fighting, Redundant []string
}

// Policy declares a role's grant set and returns how it clashes with what
// is declared so far.
func (d *Declared) Policy(role string, set []milvus.Grant) Conflict {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	keys := make([]string, len(set))
	for i, g := range set {
		keys[i] = grantKey(g)
	}
	fp := fingerprint(keys)
	if d.policies[role] == nil {
		d.policies[role] = map[string][]milvus.Grant{}
	}
	d.policies[role][fp] = set
	c := Conflict{Twice: len(d.policies[role]) > 1}
	for g := range d.grants[role] {
		classify(&c, grantText(g), containsGrant(set, g))
	}
	return c
}

// Grant declares an additive grant and returns its clash with the role's
// policy, if one is declared.
func (d *Declared) Grant(g milvus.Grant) Conflict {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	key := g.Key()
	if d.grants[g.Role] == nil {
		d.grants[g.Role] = map[milvus.Grant]bool{}
	}
	d.grants[g.Role][key] = true
	var c Conflict
	for _, set := range d.policies[g.Role] {
		classify(&c, grantText(key), containsGrant(set, key))
	}
	return c
}

// Members declares a role's whole membership and returns its clashes.
func (d *Declared) Members(role string, users []string) Conflict {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	if d.members[role] == nil {
		d.members[role] = map[string][]string{}
	}
	d.members[role][fingerprint(users)] = users
	c := Conflict{Twice: len(d.members[role]) > 1}
	for u := range d.bindings[role] {
		classify(&c, u, contains(users, u))
	}
	return c
}

// Binding declares an additive binding and returns its clash with the
// role's members resource, if one is declared.
func (d *Declared) Binding(user, role string) Conflict {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	if d.bindings[role] == nil {
		d.bindings[role] = map[string]bool{}
	}
	d.bindings[role][user] = true
	var c Conflict
	for _, users := range d.members[role] {
		classify(&c, user, contains(users, user))
	}
	return c
}

// User and Role declare an object a resource of this configuration creates
// (or already manages).
func (d *Declared) User(name string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	d.users[name] = true
}

// Role: see User.
func (d *Declared) Role(name string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	d.roles[name] = true
}

// HasUser and HasRole report whether a resource declared the object.
func (d *Declared) HasUser(name string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	return d.users[name]
}

// HasRole: see HasUser.
func (d *Declared) HasRole(name string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	return d.roles[name]
}

func classify(c *Conflict, text string, declaredToo bool) {
	if declaredToo {
		c.Redundant = append(c.Redundant, text)
	} else {
		c.Fighting = append(c.Fighting, text)
	}
	sort.Strings(c.Redundant)
	sort.Strings(c.Fighting)
}

func grantText(g milvus.Grant) string {
	return g.Privilege + " on " + g.ObjectType + " " + g.ObjectName + " in database " + g.DBName
}

func containsGrant(set []milvus.Grant, g milvus.Grant) bool {
	for _, s := range set {
		if s.Key() == g.Key() {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
