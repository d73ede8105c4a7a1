// SST 4.17 gives every function role the trust policy it needs for `sst dev` (where your
// own credentials assume the role) on deploys too: its check reads an Output, which is
// always truthy. A deployed role must be assumable by Lambda alone.

/** Makes every function role created after this call trust only lambda.amazonaws.com. */
export function trustOnlyLambda(): void {
  if ($dev) return;
  $transform(sst.aws.Function, (args) => {
    if (args.transform?.role)
      throw new Error("infra/lambda-trust.ts would replace this function's role transform.");
    args.transform = {
      ...args.transform,
      role: (roleArgs) => {
        roleArgs.assumeRolePolicy = aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" });
      },
    };
  });
}
