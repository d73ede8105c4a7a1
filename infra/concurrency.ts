// How many server instances to reserve. A reservation caps what abuse or a bill can grow
// to, but Lambda refuses one that leaves fewer than 100 executions unreserved in the
// account (fewer than the whole quota, below 100), and new accounts often start with a
// quota of 10. So the deploy reads the account's quota and reserves only when it fits;
// the WAF's per-IP rate limit guards against abuse either way. (infra/site.ts reads the
// quota; this module is plain TypeScript, for the unit tests.)

/** Lambda's "Concurrent executions" quota in Service Quotas. */
export const LAMBDA_CONCURRENCY_QUOTA = { serviceCode: "lambda", quotaCode: "L-B99A9384" } as const;
/** What Lambda keeps unreserved for the account's other functions. */
export const MIN_UNRESERVED = 100;

export type ConcurrencyPlan = { reserved?: number; summary: string };

/** The reservation for `wanted` (0: none) in an account whose quota is `quota`, and why. */
export function planConcurrency(wanted: number, quota: number): ConcurrencyPlan {
  if (wanted === 0) return { summary: "none reserved (PORTFOLIO_RESERVED_CONCURRENCY=0)" };
  if (quota - wanted >= MIN_UNRESERVED) {
    return {
      reserved: wanted,
      summary: `${wanted} reserved of the account's ${quota} concurrent executions`,
    };
  }
  return {
    summary:
      `none reserved: the account's Lambda quota is ${quota} concurrent executions, and reserving ${wanted} ` +
      `would leave fewer than ${MIN_UNRESERVED} unreserved, which Lambda refuses. Ask for more under ` +
      "Service Quotas > AWS Lambda > Concurrent executions, then deploy again; the WAF rate limit still applies.",
  };
}
