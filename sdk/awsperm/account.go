package awsperm

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// AccountFromSTS returns the account of the config's credentials with one
// sts:GetCallerIdentity call (which needs no permission), for Account. It is the
// one call awsperm makes on its own, and only when asked: it is neither recorded nor
// guarded.
func AccountFromSTS(ctx context.Context, cfg aws.Config) (string, error) {
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(context.WithValue(ctx, skipKey{}, true), &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", err
	}
	if out.Account == nil || *out.Account == "" {
		return "", errors.New("awsperm: sts:GetCallerIdentity returned no account")
	}
	return *out.Account, nil
}
