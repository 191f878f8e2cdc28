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
			return fmt.Errorf("Milvus still accepts the password for %s", user)
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
			return fmt.Errorf("Milvus still lists user %s", user)
		}
		return nil
	}
}

// CheckUserExists passes when Milvus lists user.
func (s *Server) CheckUserExists(user string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		exists, err := s.UserExists(user)
		if err == nil && !exists {
			err = fmt.Errorf("Milvus does not list user %s", user)
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

// CheckUsersMatch passes when the data source's names equal the server's list.
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
		var got []string
		for i := 0; ; i++ {
			name, ok := rs.Primary.Attributes[fmt.Sprintf("names.%d", i)]
			if !ok {
				break
			}
			got = append(got, name)
		}
		if !slices.Equal(got, want) {
			return fmt.Errorf("%s lists %v; Milvus lists %v", address, got, want)
		}
		return nil
	}
}
