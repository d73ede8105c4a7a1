// What the mocked AWS "returns" when a resource is created or a data source is read.
// Only the attributes the SST components read back (ARNs, names, URLs) are made up;
// everything else echoes the inputs, so assertions see exactly what the config sent.

export const MOCK_ACCOUNT = "123456789012";
export const MOCK_REGION = "us-east-1";

type State = Record<string, unknown>;

/** The id and output state of a mocked resource of `type`, created as `name` with `inputs`. */
export function mockResourceState(type: string, name: string, inputs: State): { id: string; state: State } {
  const id = `${name.toLowerCase()}-id`;
  const physical = typeof inputs.name === "string" ? inputs.name : `${name.toLowerCase()}-mock`;
  const regional = (service: string, rest: string) =>
    `arn:aws:${service}:${MOCK_REGION}:${MOCK_ACCOUNT}:${rest}`;
  const computed: Record<string, () => State> = {
    "aws:s3/bucket:Bucket": () => {
      const bucket = typeof inputs.bucket === "string" ? inputs.bucket : physical;
      return {
        bucket,
        arn: `arn:aws:s3:::${bucket}`,
        bucketDomainName: `${bucket}.s3.amazonaws.com`,
        bucketRegionalDomainName: `${bucket}.s3.${MOCK_REGION}.amazonaws.com`,
      };
    },
    "aws:dynamodb/table:Table": () => ({
      name: physical,
      arn: regional("dynamodb", `table/${physical}`),
      streamArn: regional("dynamodb", `table/${physical}/stream/mock`),
    }),
    "aws:iam/role:Role": () => ({ name: physical, arn: `arn:aws:iam::${MOCK_ACCOUNT}:role/${physical}` }),
    "aws:lambda/function:Function": () => {
      const arn = regional("lambda", `function:${physical}`);
      return { name: physical, arn, qualifiedArn: `${arn}:1`, invokeArn: `${arn}/invocations` };
    },
    "aws:lambda/functionUrl:FunctionUrl": () => ({
      functionUrl: `https://${id}.lambda-url.${MOCK_REGION}.on.aws/`,
    }),
    "aws:sqs/queue:Queue": () => ({
      name: physical,
      arn: regional("sqs", physical),
      url: `https://sqs.${MOCK_REGION}.amazonaws.com/${MOCK_ACCOUNT}/${physical}`,
    }),
    "aws:sns/topic:Topic": () => ({ name: physical, arn: regional("sns", physical) }),
    "aws:cloudfront/distribution:Distribution": () => ({
      arn: `arn:aws:cloudfront::${MOCK_ACCOUNT}:distribution/${id}`,
      domainName: `${id}.cloudfront.net`,
      hostedZoneId: "Z2FDTNDATAQYW2",
    }),
    "aws:cloudfront/keyValueStore:KeyValueStore": () => ({
      arn: `arn:aws:cloudfront::${MOCK_ACCOUNT}:key-value-store/${id}`,
    }),
    "aws:wafv2/webAcl:WebAcl": () => ({
      arn: `arn:aws:wafv2:us-east-1:${MOCK_ACCOUNT}:global/webacl/${name}/${id}`,
    }),
    "aws:cloudwatch/logGroup:LogGroup": () => ({
      name: physical,
      arn: regional("logs", `log-group:${physical}`),
    }),
    "aws:acm/certificate:Certificate": () => ({
      arn: regional("acm", `certificate/${id}`),
      domainValidationOptions: [
        {
          domainName: inputs.domainName,
          resourceRecordName: `_mock.${String(inputs.domainName)}.`,
          resourceRecordType: "CNAME",
          resourceRecordValue: "_mock.acm-validations.aws.",
        },
      ],
    }),
    "random:index/randomBytes:RandomBytes": () => ({ base64: "bW9jay1rZXk=", hex: "6d6f636b2d6b6579" }),
    // The Router routes /api/contact to the API's URL, which it parses.
    "aws:apigatewayv2/api:Api": () => ({
      apiEndpoint: `https://${id}.execute-api.${MOCK_REGION}.amazonaws.com`,
      executionArn: regional("execute-api", id),
      arn: `arn:aws:apigateway:${MOCK_REGION}::/apis/${id}`,
    }),
    "aws:sesv2/emailIdentity:EmailIdentity": () => ({
      arn: regional("ses", `identity/${String(inputs.emailIdentity)}`),
    }),
    "aws:sesv2/configurationSet:ConfigurationSet": () => ({
      arn: regional("ses", `configuration-set/${String(inputs.configurationSetName)}`),
    }),
  };
  const made = computed[type]?.() ?? { arn: regional("mock", `${type}/${name}`) };
  // Inputs win: an input the config set must reach the assertions unchanged.
  return { id, state: { ...made, ...inputs } };
}

type Statement = {
  sid?: string;
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
};

/** Renders `aws.iam.getPolicyDocument` input as IAM JSON, as the AWS provider would. */
export function renderPolicyDocument(statements: Statement[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      ...(s.sid ? { Sid: s.sid } : {}),
      Effect: s.effect ?? "Allow",
      ...(s.actions ? { Action: s.actions } : {}),
      ...(s.notActions ? { NotAction: s.notActions } : {}),
      ...(s.resources ? { Resource: s.resources } : {}),
      ...(s.notResources ? { NotResource: s.notResources } : {}),
      ...(s.principals ? { Principal: renderPrincipals(s.principals) } : {}),
      ...(s.conditions ? { Condition: renderConditions(s.conditions) } : {}),
    })),
  });
}

function renderPrincipals(principals: NonNullable<Statement["principals"]>): unknown {
  if (principals.some((p) => p.type === "*")) return "*";
  return Object.fromEntries(principals.map((p) => [p.type, p.identifiers]));
}

function renderConditions(conditions: NonNullable<Statement["conditions"]>): unknown {
  const rendered: Record<string, Record<string, string[]>> = {};
  for (const c of conditions) rendered[c.test] = { ...rendered[c.test], [c.variable]: c.values };
  return rendered;
}

/**
 * Answers the data-source calls ("invokes") the SST components make; anything else is an
 * error. Like the AWS provider, each answer echoes its arguments beside the results.
 */
export function mockInvoke(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  return { ...inputs, ...invokeResult(token, inputs) };
}

function invokeResult(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case "aws:index/getRegion:getRegion":
      return { id: MOCK_REGION, name: MOCK_REGION, region: MOCK_REGION };
    case "aws:index/getPartition:getPartition":
      return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return {
        id: MOCK_ACCOUNT,
        accountId: MOCK_ACCOUNT,
        arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/mock`,
        userId: "MOCK",
      };
    case "aws:iam/getPolicyDocument:getPolicyDocument": {
      const json = renderPolicyDocument((inputs.statements ?? []) as Statement[]);
      return { id: "policy", json, minifiedJson: json };
    }
    case "aws:servicequotas/getServiceQuota:getServiceQuota": {
      // Only Lambda's concurrent-executions quota is known; the scenario says what the account has.
      if (inputs.serviceCode !== "lambda" || inputs.quotaCode !== "L-B99A9384")
        throw new Error(`No mock for the service quota ${JSON.stringify(inputs)}`);
      const value = Number(process.env.MOCK_LAMBDA_CONCURRENCY_QUOTA ?? 1000);
      return { id: "lambda/L-B99A9384", quotaName: "Concurrent executions", value, defaultValue: 1000 };
    }
    case "aws:route53/getZone:getZone":
      return { id: "ZMOCK", zoneId: "ZMOCK", name: inputs.name };
    default:
      throw new Error(`The infrastructure mocks have no answer for the call "${token}".`);
  }
}
