// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// CheckLogin passes when Milvus accepts user/password.
func (s *Server) CheckLogin(user, password string) resource.TestCheckFunc {
	return func(*terraform.State) error { return s.Login(user, password) }
}

// CheckNoLogin passes when Milvus refuses user/password.
func (s *Server) CheckNoLogin(user, password string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if err := s.Login(user, password); err == nil {
			return fmt.Errorf("the server still accepts the password for %s", user)
		}
		return nil
	}
}

// CheckUserGone passes when Milvus no longer lists user (for CheckDestroy).
func (s *Server) CheckUserGone(user string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		exists, err := s.UserExists(user)
		if err != nil {
			return err
		}
		if exists {
			return fmt.Errorf("the server still lists user %s", user)
		}
		return nil
	}
}

// CheckUserExists passes when Milvus lists user.
func (s *Server) CheckUserExists(user string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		exists, err := s.UserExists(user)
		if err == nil && !exists {
			err = fmt.Errorf("the server does not list user %s", user)
		}
		return err
	}
}

// Must runs an out-of-band change in PreConfig, failing the test on error.
func Must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// CheckUsersMatch passes when a milvus_users data source lists exactly the
// users Milvus lists, in sorted order, each with the roles Milvus reports.
func (s *Server) CheckUsersMatch(address string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		rs, ok := st.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		want, err := s.Users()
		if err != nil {
			return err
		}
		attrs := rs.Primary.Attributes
		got := indexed(attrs, "names")
		if !slices.Equal(got, want) {
			return fmt.Errorf("%s lists %v; Milvus lists %v", address, got, want)
		}
		for i, name := range want {
			if attrs[fmt.Sprintf("users.%d.name", i)] != name {
				return fmt.Errorf("%s users[%d] is %q, want %q", address, i, attrs[fmt.Sprintf("users.%d.name", i)], name)
			}
			roles, err := s.Roles(name)
			if err != nil {
				return err
			}
			if gotRoles := indexed(attrs, fmt.Sprintf("users.%d.roles", i)); !slices.Equal(gotRoles, roles) {
				return fmt.Errorf("%s gives %s the roles %v; Milvus says %v", address, name, gotRoles, roles)
			}
		}
		return nil
	}
}

// indexed collects list elements from flatmap attributes ("key.0", "key.1").
func indexed(attrs map[string]string, key string) []string {
	var out []string
	for i := 0; ; i++ {
		v, ok := attrs[fmt.Sprintf("%s.%d", key, i)]
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

// CheckRoleExists passes when Milvus lists the role.
func (s *Server) CheckRoleExists(role string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		exists, err := s.RoleExists(role)
		if err == nil && !exists {
			err = fmt.Errorf("the server does not list role %s", role)
		}
		return err
	}
}

// CheckRoleGone passes when Milvus no longer lists the role.
func (s *Server) CheckRoleGone(role string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		exists, err := s.RoleExists(role)
		if err == nil && exists {
			err = fmt.Errorf("the server still lists role %s", role)
		}
		return err
	}
}

// CheckRolesMatch passes when a milvus_roles data source lists exactly the
// roles Milvus lists, sorted.
func (s *Server) CheckRolesMatch(address string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		rs, ok := st.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		want, err := s.AllRoles()
		if err != nil {
			return err
		}
		if got := indexed(rs.Primary.Attributes, "names"); !slices.Equal(got, want) {
			return fmt.Errorf("%s lists %v; Milvus lists %v", address, got, want)
		}
		return nil
	}
}

// CheckBound passes when Milvus binds user to role (bound) or not (!bound).
func (s *Server) CheckBound(user, role string, bound bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		roles, err := s.Roles(user)
		if err != nil {
			return err
		}
		if slices.Contains(roles, role) != bound {
			return fmt.Errorf("user %s has roles %v; want %s bound = %v", user, roles, role, bound)
		}
		return nil
	}
}

// CheckGrant passes when role has the grant row (has) or not (!has).
func (s *Server) CheckGrant(role string, g GrantRow, has bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		rows, err := s.Grants(role, g.DB)
		if err != nil && has {
			return err
		}
		if slices.Contains(rows, g) != has {
			return fmt.Errorf("role %s has grants %v in %s; want %v present = %v", role, rows, g.DB, g, has)
		}
		return nil
	}
}

// ExpectAllowed runs an operation as a test user: with allowed, it must
// succeed; without, Milvus must refuse it for lack of a privilege. Milvus
// applies a new binding or grant to its privilege cache some time after it
// answered (Milvus 2.3: about 2 s on an idle machine, over 20 s on a busy
// one), so the outcome is awaited for up to a minute; a denial where one is
// expected, and an allowed request where one is, end the wait at once.
func (s *Server) ExpectAllowed(allowed bool, op func() error) error {
	var err error
	for i := 0; i < 240; i++ {
		err = op()
		switch {
		case allowed && err == nil:
			return nil
		case !allowed && PermissionDenied(err):
			return nil
		case !allowed && err == nil:
			err = errors.New("the server allowed what it should deny")
		}
		time.Sleep(250 * time.Millisecond)
	}
	return err
}

// CheckDatabase passes when Milvus lists the database (exists) or not.
func (s *Server) CheckDatabase(name string, exists bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		has, err := s.DatabaseExists(name)
		if err == nil && has != exists {
			err = fmt.Errorf("database %s exists = %v, want %v", name, has, exists)
		}
		return err
	}
}
