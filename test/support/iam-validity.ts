// Whether a check the gate's request mappers produce names a real IAM action on a resource
// of a type that action applies to: the validating evaluator refuses an unknown action
// (`invalid.action`) or a wrong resource type (`no.resource.types`).
import { runSimulation } from "@cloud-copilot/iam-simulate";
import type { Check } from "../../scripts/local-aws/gate/authorizer";

export async function iamProblem(check: Check): Promise<string | undefined> {
  const result = await runSimulation(
    {
      request: {
        principal: "arn:aws:iam::000000000000:user/test",
        action: check.action,
        resource: { resource: check.resource, accountId: "000000000000" },
        contextVariables: {},
      },
      identityPolicies: [
        {
          name: "all",
          policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
        },
      ],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  return result.resultType === "error"
    ? `${check.action} on ${check.resource}: ${result.errors.message}`
    : undefined;
}
