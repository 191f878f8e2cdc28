// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// SecretNotInState fails when secret appears anywhere in the state,
// sensitive values included: a write-only value must never be stored.
func SecretNotInState(secret string) statecheck.StateCheck { return secretCheck{secret} }

// SecretNotInPlan fails when secret appears anywhere in the plan.
func SecretNotInPlan(secret string) plancheck.PlanCheck { return secretCheck{secret} }

type secretCheck struct{ secret string }

func (c secretCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.find("state", req.State)
}

func (c secretCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.find("plan", req.Plan)
}

func (c secretCheck) find(where string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if len(raw) < 100 {
		return fmt.Errorf("the %s is suspiciously empty: %s", where, raw)
	}
	if strings.Contains(string(raw), c.secret) {
		return fmt.Errorf("the password appears in the %s", where)
	}
	return nil
}
