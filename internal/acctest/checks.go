package acctest

import (
	"fmt"
	"slices"
	"testing"

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
