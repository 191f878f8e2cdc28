// Copyright (c) The terraform-provider-milvus authors
// SPDX-License-Identifier: MPL-2.0

package milvus

import (
	"context"

	"github.com/milvus-io/milvus-proto/go-api/v2/milvuspb"
	"github.com/milvus-io/milvus/pkg/v2/util/merr"
)

// FeatureDescriptions are user and role descriptions (#50526, #50535).
var FeatureDescriptions = Feature{Name: "user and role descriptions", Since: release2(6, 19)}

// DescriptionMaxBytes is proxy.maxUserDescriptionLength and
// proxy.maxRoleDescriptionLength by default.
const DescriptionMaxBytes = 1024

// SetUserDescription sets a user's description ("" clears it) with
// UpdateCredential, which changes no password when none is sent (Milvus
// 2.6.19 and later). Setting it twice changes nothing.
func (c *Client) SetUserDescription(ctx context.Context, name, description string) error {
	if err := c.Require(ctx, FeatureDescriptions); err != nil {
		return err
	}
	return c.call(ctx, opDescribeUserText, "set the description of user "+name, func(ctx context.Context) error {
		st, err := c.sdk.GetService().UpdateCredential(ctx, &milvuspb.UpdateCredentialRequest{Username: name, Description: &description}, noSDKRetry)
		return merr.CheckRPCCall(st, err)
	})
}

// SetRoleDescription sets a role's description ("" clears it) with
// AlterRole (Milvus 2.6.19 and later). Setting it twice changes nothing.
func (c *Client) SetRoleDescription(ctx context.Context, name, description string) error {
	if err := c.Require(ctx, FeatureDescriptions); err != nil {
		return err
	}
	return c.call(ctx, opDescribeRoleText, "set the description of role "+name, func(ctx context.Context) error {
		st, err := c.sdk.GetService().AlterRole(ctx, &milvuspb.AlterRoleRequest{RoleName: name, Description: description}, noSDKRetry)
		return merr.CheckRPCCall(st, err)
	})
}
