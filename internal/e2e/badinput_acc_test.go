// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package e2e_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/milvus-terraform/terraform-provider-milvus/internal/acctest"
	"github.com/milvus-terraform/terraform-provider-milvus/internal/milvus"
)

// Where a bad input is caught.
const (
	atValidate = "validate" // terraform validate: before the provider connects
	atPlan     = "plan"     // terraform plan: nothing written
	atImport   = "import"   // terraform import: before anything is read
	atApply    = "apply"    // only the apply can know
)

type badInput struct {
	name     string
	provider string // the provider block's body; "" = the proxy's address
	env      []string
	config   string // resources and data sources
	importTo string // "address id" for the import stage
	stage    string
	want     string // words of the error, in order (acctest.Words each, joined by .*)
	secret   string // a value the CLI output must not show
	minCLI   string // write-only arguments need 1.11
	before   string // only servers older than this Milvus version refuse it
	absent   string // a user that must not have reached Milvus
}

func (b badInput) wantPattern() *regexp.Regexp {
	var parts []string
	for _, w := range strings.Split(b.want, " … ") {
		parts = append(parts, acctest.Words(w))
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

var badInputs = []badInput{
	// The provider block.
	{name: "empty address", provider: `address = ""`, stage: atValidate, want: "Invalid Milvus Address … the address is empty … Leave address out"},
	{name: "port out of range", provider: `address = "127.0.0.1:99999"`, stage: atValidate, want: `the port "99999" is not a number from 1 to 65535`},
	{name: "port zero", provider: `address = "127.0.0.1:0"`, stage: atValidate, want: `the port "0" is not a number from 1 to 65535`},
	{name: "colons only", provider: `address = "::::"`, stage: atValidate, want: "is not an address: it has several colons but is not an IPv6 address"},
	{name: "unknown scheme", provider: `address = "grpc://milvus:19530"`, stage: atValidate, want: `has scheme "grpc"`},
	{name: "path in address", provider: `address = "http://milvus:19530/db1"`, stage: atValidate, want: "has a path; set the database with db_name instead"},
	{name: "spaces in address", provider: `address = " milvus:19530"`, stage: atValidate, want: "has spaces around it"},
	{name: "credentials in address", provider: `address = "http://root:Milvus@milvus:19530"`, stage: atValidate, want: "Invalid Milvus Address … the address holds credentials", secret: "root:Milvus@"},
	{name: "timeout not a duration", provider: `timeout = "thirty"`, stage: atValidate, want: `Invalid Timeout … timeout is "thirty"`},
	{name: "negative timeout", provider: `timeout = "-5s"`, stage: atValidate, want: "Invalid Timeout … positive Go duration"},
	{name: "too many retries", provider: `max_retries = 11`, stage: atValidate, want: "max_retries … must be between 0 and 10"},
	{name: "username without password", provider: `username = "root"`, stage: atValidate, want: "Missing Milvus Password … sets username but not password"},
	{name: "password without username", provider: `password = "Secret_pw_only_1"`, stage: atValidate, want: "Missing Milvus Username", secret: "Secret_pw_only_1"},
	{name: "token and username", provider: "token = \"root:Secret_tok_2\"\nusername = \"root\"\npassword = \"Secret_tok_pw_2\"", stage: atValidate,
		want: "Conflicting Milvus Credentials", secret: "Secret_tok"},
	{name: "client cert without key", provider: `client_cert = "cert.pem"`, stage: atValidate, want: "Missing Client Key"},
	{name: "client key without cert", provider: `client_key = "-----BEGIN PRIVATE KEY-----Secret_key_3"`, stage: atValidate,
		want: "Missing Client Certificate", secret: "Secret_key_3"},
	{name: "skip verify with a CA", provider: "insecure_skip_verify = true\nca_cert = \"ca.pem\"", stage: atValidate, want: "Invalid Attribute Combination"},
	{name: "empty database", provider: `db_name = ""`, stage: atValidate, want: "Invalid Milvus Database Name … it is empty"},
	{name: "database with a hyphen", provider: `db_name = "my-db"`, stage: atValidate, want: `Invalid Milvus Database Name … it contains "-"`},
	{name: "TLS off with a CA", provider: "tls = false\nca_cert = \"-----BEGIN CERTIFICATE-----\\n-----END CERTIFICATE-----\\n\"", stage: atPlan,
		want: "Contradictory TLS Settings"},
	{name: "address from the environment out of range", provider: "-", env: []string{"MILVUS_ADDRESS=127.0.0.1:99999"}, stage: atPlan,
		want: `Invalid Milvus Connection Settings … the port "99999" is not a number from 1 to 65535`},
	{name: "timeout from the environment", env: []string{"MILVUS_TIMEOUT=soon"}, stage: atPlan, want: `Invalid Timeout … MILVUS_TIMEOUT) is "soon"`},
	{name: "retries from the environment", env: []string{"MILVUS_MAX_RETRIES=99"}, stage: atPlan, want: `MILVUS_MAX_RETRIES is "99"; use a whole number from 0 to 10`},
	{name: "boolean from the environment", env: []string{"MILVUS_VERIFY_PASSWORDS=maybe"}, stage: atPlan, want: `MILVUS_VERIFY_PASSWORDS is "maybe", which is not a boolean`},

	// milvus_user.
	{name: "empty username", config: user(`""`, `"Good_pw_123"`), stage: atValidate, want: "Invalid Milvus Username … it is empty"},
	{name: "username starts with a digit", config: user(`"1abc"`, `"Good_pw_123"`), stage: atValidate, want: `it starts with "1"`},
	{name: "username with a space", config: user(`"bad name"`, `"Good_pw_123"`), stage: atValidate, want: `it contains " "`},
	{name: "username of 33 characters", config: user(`"`+strings.Repeat("a", 33)+`"`, `"Good_pw_123"`), stage: atValidate, want: "it is 33 characters long"},
	{name: "username of 32 accented letters", config: user(`"`+strings.Repeat("é", 32)+`"`, `"Good_pw_123"`), stage: atValidate,
		want: "only ASCII characters are allowed"},
	{name: "short password", config: user(`"tfacc_bad"`, `"Sec_1"`), stage: atValidate, want: "Invalid Milvus Password … it is 5 bytes long", secret: "Sec_1"},
	{name: "long password", config: user(`"tfacc_bad"`, `"`+strings.Repeat("S", 73)+`"`), stage: atValidate, want: "it is 73 bytes long",
		secret: strings.Repeat("S", 73)},
	{name: "password and password_wo", config: `resource "milvus_user" "x" {
  name        = "tfacc_bad"
  password    = "Secret_both_4"
  password_wo = "Secret_both_5"
}`, stage: atValidate, want: "At most one of password and password_wo may be set; 2 are", secret: "Secret_both", minCLI: "1.11.0"},
	{name: "new user without a password", config: `resource "milvus_user" "x" {
  name = "tfacc_bad"
}`, stage: atPlan, want: `Missing Milvus Password … User "tfacc_bad" is new, so it needs a password`, absent: "tfacc_bad"},
	{name: "short write-only password", config: `resource "milvus_user" "x" {
  name        = "tfacc_bad"
  password_wo = "Sec_6"
}`, stage: atValidate, want: "The value of password_wo is not a valid password: it is 5 bytes long", secret: "Sec_6", minCLI: "1.11.0"},
	{name: "version without password_wo", config: `resource "milvus_user" "x" {
  name                = "tfacc_bad"
  password            = "Good_pw_123"
  password_wo_version = "1"
}`, stage: atValidate, want: `Attribute "password_wo" must be specified when "password_wo_version" is specified`},
	{name: "password known only at apply", config: `resource "milvus_user" "src" {
  name     = "tfacc_src_bad"
  password = "Good_pw_123"
}
resource "milvus_user" "x" {
  name     = "tfacc_bad"
  password = substr(milvus_user.src.id, 0, 3)
}`, stage: atApply, want: "Invalid Milvus Password … it is 3 bytes long", absent: "tfacc_bad"},

	// Import IDs.
	{name: "import ID with a space", config: user(`"tfacc_bad"`, `"Good_pw_123"`), importTo: "milvus_user.x bad name", stage: atImport,
		want: `Invalid Import ID … The name in the import ID ("bad name") is not valid: it contains " "`},
	{name: "import ID with a digit first", config: user(`"tfacc_bad"`, `"Good_pw_123"`), importTo: "milvus_user.x 1abc", stage: atImport,
		want: `it starts with "1"`},
	{name: "import ID with slashes", config: user(`"tfacc_bad"`, `"Good_pw_123"`), importTo: "milvus_user.x ../../etc", stage: atImport,
		want: "does not have the form <name>"},
	{name: "binding import ID of one part", config: binding(`"u"`, `"r"`), importTo: "milvus_user_role.x justone", stage: atImport,
		want: "does not have the form <user>/<role>"},
	{name: "grant import ID with a bad object type", config: `resource "milvus_grant" "x" {
  role      = "r"
  privilege = "Insert"
}`, importTo: "milvus_grant.x r/default/Database/c1/Insert", stage: atImport, want: `object type in the import ID ("Database") is not valid`},
	{name: "role import ID with a hyphen", config: `resource "milvus_role" "x" {
  name = "r"
}`, importTo: "milvus_role.x a-b", stage: atImport, want: `The name in the import ID ("a-b") is not valid: it contains "-"`},

	// Data sources.
	{name: "data source username", config: `data "milvus_user" "x" {
  name = "bad name"
}`, stage: atValidate, want: `Invalid Milvus Username … it contains " "`},
	{name: "data source role name", config: `data "milvus_role" "x" {
  name = "1r"
}`, stage: atValidate, want: `Invalid Milvus Role Name … it starts with "1"`},

	// Roles, bindings, grants, groups.
	{name: "built-in role", config: `resource "milvus_role" "x" {
  name = "admin"
}`, stage: atPlan, want: "Built-In Milvus Role … Reference it by name instead"},
	{name: "binding username", config: binding(`"1u"`, `"r"`), stage: atValidate, want: `Invalid Milvus Username … it starts with "1"`},
	{name: "unknown privilege", config: `resource "milvus_grant" "x" {
  role      = "r"
  privilege = "Inesrt"
}`, stage: atValidate, want: `Unknown Milvus Privilege … privilege named "Inesrt"`},
	{name: "global privilege on one object", config: `resource "milvus_grant" "x" {
  role        = "r"
  privilege   = "CreateCollection"
  object_name = "c1"
}`, stage: atValidate, want: "Global Privilege on a Single Object"},
	{name: "privilege newer than the server", config: `resource "milvus_grant" "x" {
  role      = "r"
  privilege = "AlterDatabase"
}`, stage: atPlan, before: "2.4.5", want: "Unsupported Milvus Version … needs Milvus 2.4.5 or later"},
	{name: "privilege group on 2.3", config: `resource "milvus_privilege_group" "x" {
  name       = "readers"
  privileges = ["Query"]
}`, stage: atPlan, before: "2.4.16", want: "Unsupported Milvus Version … custom privilege groups needs Milvus 2.4.16 or later"},
	{name: "privilege group with a built-in name", config: `resource "milvus_privilege_group" "x" {
  name       = "Insert"
  privileges = ["Query"]
}`, stage: atValidate, want: "it is the name of a built-in privilege or privilege group"},

	// Databases.
	{name: "database name with a hyphen", config: database(`"team-a"`, ""), stage: atValidate, want: `Invalid Milvus Database Name … it contains "-"`},
	{name: "database name of 256 characters", config: database(`"`+strings.Repeat("d", 256)+`"`, ""), stage: atValidate,
		want: "it is 256 characters long"},
	{name: "database name with a digit first", config: database(`"1team"`, ""), stage: atValidate, want: `it starts with "1"`},
	{name: "creating default", config: database(`"default"`, ""), stage: atPlan, want: "Built-In Milvus Database … import it"},
	{name: "replica number zero", config: database(`"team_a"`, "replica_number = 0"), stage: atValidate, want: "replica_number … must be at least 1"},
	{name: "negative collection limit", config: database(`"team_a"`, "max_collections = -1"), stage: atValidate, want: "must be at least 0"},
	{name: "negative disk quota", config: database(`"team_a"`, "disk_quota_mb = -0.5"), stage: atValidate, want: "must be at least 0.000000"},
	{name: "collection limit not a number", config: database(`"team_a"`, `max_collections = "many"`), stage: atValidate,
		want: "Incorrect attribute value type"},
	{name: "switch not a boolean", config: database(`"team_a"`, `force_deny_writing = "maybe"`), stage: atValidate,
		want: "Incorrect attribute value type"},
	{name: "resource group with a hyphen", config: database(`"team_a"`, `resource_groups = ["rg-1"]`), stage: atValidate,
		want: `Invalid Milvus Resource Group Name … it contains "-"`},
	{name: "no resource groups", config: database(`"team_a"`, `resource_groups = []`), stage: atValidate, want: "set must contain at least 1 elements"},
	{name: "unknown time zone", config: database(`"team_a"`, `timezone = "Mars/Olympus"`), stage: atValidate,
		want: `Invalid Time Zone … "Mars/Olympus" is not valid: no IANA time zone has that name`},
	{name: "local time zone", config: database(`"team_a"`, `timezone = "Local"`), stage: atValidate, want: "names the zone of whichever machine"},
	{name: "property set both ways", config: database(`"team_a"`, "max_collections = 5\n  properties = { \"database.max.collections\" = \"5\" }"),
		stage: atValidate, want: "Database Property Set Both Ways … set max_collections instead"},
	{name: "mistyped database property", config: database(`"team_a"`, `properties = { "database.max.colections" = "5" }`), stage: atValidate,
		want: "Unknown Database Property … Did you mean database.max.collections (the attribute max_collections)?"},
	{name: "property Milvus sets", config: database(`"team_a"`, `properties = { "cipher.key" = "k" }`), stage: atValidate,
		want: "Database Property Set by Milvus"},
	{name: "empty property key", config: database(`"team_a"`, `properties = { "" = "x" }`), stage: atValidate, want: "A property key is empty"},
	{name: "database properties on 2.3", config: database(`"team_a"`, "max_collections = 5"), stage: atPlan, before: "2.4.6",
		want: "Unsupported Milvus Version … database properties needs Milvus 2.4.6 or later"},
	{name: "free property on 2.3", config: database(`"team_a"`, `properties = { "team" = "a" }`), stage: atPlan, before: "2.4.6",
		want: "Unsupported Milvus Version … database properties needs Milvus 2.4.6 or later"},
	{name: "time zone on 2.3", config: database(`"team_a"`, `timezone = "UTC"`), stage: atPlan, before: "2.6.6",
		want: "Unsupported Milvus Version … timezone needs Milvus 2.6.6 or later"},
	{name: "database import ID with a hyphen", config: database(`"team_a"`, ""), importTo: "milvus_database.x team-a", stage: atImport,
		want: `The name in the import ID ("team-a") is not valid: it contains "-"`},
	{name: "data source database name", config: `data "milvus_database" "x" {
  name = "a b"
}`, stage: atValidate, want: `Invalid Milvus Database Name … it contains " "`},

	// Authoritative access.
	{name: "policy lists a grant twice", config: `resource "milvus_role_policy" "x" {
  role   = "r"
  grants = [{ privilege = "Insert" }, { privilege = "Insert", db_name = "default", object_type = "Collection" }]
}`, stage: atValidate, want: "Duplicate Grant in Milvus Role Policy … list it once"},
	{name: "policy privilege of another object type", config: `resource "milvus_role_policy" "x" {
  role   = "r"
  grants = [{ privilege = "CreateCollection", object_type = "Collection" }]
}`, stage: atValidate, want: "Privilege of Another Object Type … CreateCollection is a privilege of object type Global"},
	{name: "policy unknown privilege", config: `resource "milvus_role_policy" "x" {
  role   = "r"
  grants = [{ privilege = "Serach" }]
}`, stage: atValidate, want: `Unknown Milvus Privilege … Did you mean "Search"?`},
	{name: "policy grant with neither privilege nor group", config: `resource "milvus_role_policy" "x" {
  role   = "r"
  grants = [{ db_name = "default" }]
}`, stage: atValidate, want: "sets exactly one of privilege and privilege_group"},
	{name: "policy of a role nobody creates", config: `resource "milvus_role_policy" "x" {
  role   = "tfacc_nobody_role"
  grants = []
}`, stage: atPlan, want: `Unknown Milvus Role … Milvus has no role "tfacc_nobody_role"`},
	{name: "policy group on 2.3", config: `resource "milvus_role_policy" "x" {
  role   = "public"
  grants = [{ privilege_group = "ClusterReadOnly", db_name = "*" }]
}`, stage: atPlan, before: "2.4.18", want: "Unsupported Milvus Version … granting privilege groups needs Milvus 2.4.18 or later"},
	{name: "members nobody creates", config: `resource "milvus_role_members" "x" {
  role    = "admin"
  members = ["tfacc_nobody_user"]
}`, stage: atPlan, want: "Unknown Milvus User … Milvus has no 1 user (tfacc_nobody_user)"},
	{name: "members of public", config: `resource "milvus_role_members" "x" {
  role    = "public"
  members = []
}`, stage: atValidate, want: "Members of public Cannot Be Managed"},
	{name: "members username with a space", config: `resource "milvus_role_members" "x" {
  role    = "admin"
  members = ["bad name"]
}`, stage: atValidate, want: `Invalid Milvus Username … it contains " "`},
	{name: "policy beside a grant it does not list", config: `resource "milvus_role_policy" "x" {
  role   = "public"
  grants = []
}
resource "milvus_grant" "y" {
  role      = "public"
  privilege = "Query"
}`, stage: atPlan, want: "Milvus Role Managed Twice … grant it Query on Collection * in database default, which the policy does not list"},
	{name: "role description before 2.6.19", config: `resource "milvus_role" "x" {
  name        = "tfacc_bad_described"
  description = "Reads orders"
}`, stage: atPlan, before: "2.6.19", want: "Unsupported Milvus Version … user and role descriptions needs Milvus 2.6.19 or later"},
	{name: "user description before 2.6.19", config: `resource "milvus_user" "x" {
  name        = "tfacc_bad_described"
  password    = "Good_pw_123"
  description = "Batch jobs"
}`, stage: atPlan, before: "2.6.19", want: "Unsupported Milvus Version … user and role descriptions needs Milvus 2.6.19 or later"},
	{name: "privilege of Milvus 3.0", config: `resource "milvus_grant" "x" {
  role      = "public"
  privilege = "CreateSnapshot"
}`, stage: atPlan, before: "3.0.0", want: "Unsupported Milvus Version … The privilege CreateSnapshot (object type Collection) needs Milvus 3.0.0 or later"},
	{name: "policy import ID with a hyphen", config: `resource "milvus_role_policy" "x" {
  role   = "r"
  grants = []
}`, importTo: "milvus_role_policy.x a-b", stage: atImport, want: `The role in the import ID ("a-b") is not valid: it contains "-"`},
}

func database(name, body string) string {
	return fmt.Sprintf("resource \"milvus_database\" \"x\" {\n  name = %s\n  %s\n}\n", name, body)
}

func user(name, password string) string {
	return fmt.Sprintf("resource \"milvus_user\" \"x\" {\n  name     = %s\n  password = %s\n}\n", name, password)
}

func binding(user, role string) string {
	return fmt.Sprintf("resource \"milvus_user_role\" \"x\" {\n  user = %s\n  role = %s\n}\n", user, role)
}

// writeRPCs change something on the server.
var writeRPCs = []string{"CreateCredential", "UpdateCredential", "DeleteCredential", "CreateRole", "DropRole", "OperateUserRole",
	"OperatePrivilege", "OperatePrivilegeV2", "CreatePrivilegeGroup", "DropPrivilegeGroup", "OperatePrivilegeGroup",
	"CreateDatabase", "DropDatabase", "AlterDatabase"}

// Every bad input is caught where it is first knowable, with a clear error,
// and nothing reaches Milvus before: no request at all when terraform
// validate catches it, no write when the plan or an import does. The
// provider talks to the real server through a counting proxy.
func TestAccE2E_badInputsAreCaughtEarly(t *testing.T) {
	server := acctest.Connect(t)
	version := milvus.ParseVersion(acctest.ServerVersion(t))
	counts := map[string]int{}
	for _, b := range badInputs {
		t.Run(b.name, func(t *testing.T) {
			if b.before != "" && version.AtLeast(milvus.ParseVersion(b.before)) {
				t.Skipf("Milvus %s has what this input needs", version)
			}
			proxy := acctest.StartProxy(t, server.Address)
			block := b.provider
			switch {
			case block == "-":
				block = ""
			case !strings.Contains(block, "address"):
				block = fmt.Sprintf("address = %q\n", proxy.Address) + block
			}
			body := b.config
			if body == "" {
				body = "data \"milvus_users\" \"all\" {}\n" // something that uses the provider
			}
			config := "provider \"milvus\" {\n" + block + "\n}\n\n" + body
			cli := acctest.NewCLI(t, config, b.env...)
			if b.minCLI != "" {
				cli.SkipBelow(b.minCLI, "write-only arguments")
			}
			got := run(t, cli, b)
			if !b.wantPattern().MatchString(got.Output) {
				t.Fatalf("%s: the error does not say %q:\n%s", b.stage, b.want, got.Output)
			}
			if b.secret != "" && strings.Contains(cli.Printed.String(), b.secret) {
				t.Errorf("the secret appears in the CLI's output:\n%s", cli.Printed.String())
			}
			calls := proxy.CallsByMethod()
			switch b.stage {
			case atValidate:
				if len(calls) > 0 {
					t.Errorf("terraform validate caught it, yet the provider called Milvus: %v", calls)
				}
			case atImport:
				for method := range calls {
					if method != "Connect" {
						t.Errorf("the import ID was sent to Milvus (%s): %v", method, calls)
					}
				}
			}
			if b.stage != atApply {
				for _, w := range writeRPCs {
					if calls[w] > 0 {
						t.Errorf("%s reached Milvus: %v", w, calls)
					}
				}
			}
			if b.absent != "" {
				if exists, err := server.UserExists(b.absent); err != nil || exists {
					t.Errorf("user %s reached Milvus (%v)", b.absent, err)
				}
			}
			counts[b.stage]++
		})
	}
	t.Logf("bad inputs caught: %d at validate, %d at plan, %d at import, %d at apply (of %d)",
		counts[atValidate], counts[atPlan], counts[atImport], counts[atApply], len(badInputs))
	t.Cleanup(func() {
		_ = server.DropUser("tfacc_src_bad")
		_ = server.DropUser("tfacc_bad")
	})
}

// run takes the input through the CLI up to its stage, checking that every
// earlier stage passes, and returns the failing run.
func run(t *testing.T, cli *acctest.CLI, b badInput) acctest.Result {
	t.Helper()
	if b.stage == atImport {
		r := cli.Run(append([]string{"import", "-input=false"}, strings.SplitN(b.importTo, " ", 2)...)...)
		if r.Code == 0 {
			t.Fatalf("the import succeeded:\n%s", r.Output)
		}
		return r
	}
	validate := cli.Run("validate")
	if b.stage == atValidate {
		if validate.Code == 0 {
			t.Fatalf("terraform validate passed:\n%s", validate.Output)
		}
		return validate
	}
	if validate.Code != 0 {
		t.Fatalf("caught at validate, not at %s:\n%s", b.stage, validate.Output)
	}
	plan := cli.Run("plan", "-input=false")
	if b.stage == atPlan {
		if plan.Code == 0 {
			t.Fatalf("the plan passed:\n%s", plan.Output)
		}
		return plan
	}
	if plan.Code != 0 {
		t.Fatalf("caught at plan, not at %s:\n%s", b.stage, plan.Output)
	}
	apply := cli.Run("apply", "-auto-approve", "-input=false")
	if apply.Code == 0 {
		t.Fatalf("the apply passed:\n%s", apply.Output)
	}
	return apply
}
