// The deploys the infrastructure tests run under mocks: production with every optional
// setting given (and each number away from its default, to see it arrive), a preview
// stage with nothing but the secret, to see the defaults and the clean-up behaviour, the
// same on a new account whose Lambda concurrency quota is 10, and a developer's personal
// stage under `sst dev`. Production and preview accounts have the usual quota of 1,000.

/** A value nobody would pick, so finding it anywhere in clear text is a leak. */
export const TEST_SALT = "salt-under-test-5f0c9d2e";

export const SCENARIOS = {
  production: {
    stage: "production",
    env: {
      SST_SECRET_VisitorSalt: TEST_SALT,
      PORTFOLIO_DOMAIN: "portfolio.example.com",
      PORTFOLIO_ALARM_EMAIL: "owner@example.com",
      PORTFOLIO_MONTHLY_BUDGET_USD: "25",
      PORTFOLIO_RESUME_NONCURRENT_DAYS: "45",
      PORTFOLIO_RESERVED_CONCURRENCY: "7",
      PORTFOLIO_WAF_RATE_LIMIT: "750",
    },
  },
  preview: { stage: "pr-5", env: { SST_SECRET_VisitorSalt: TEST_SALT } },
  // A new AWS account: Lambda's concurrency quota is 10 until AWS or a request raises it.
  freshAccount: {
    stage: "first",
    env: { SST_SECRET_VisitorSalt: TEST_SALT, MOCK_LAMBDA_CONCURRENCY_QUOTA: "10" },
  },
  dev: { stage: "alice", env: { SST_SECRET_VisitorSalt: TEST_SALT }, dev: true },
} as const;

export type ScenarioName = keyof typeof SCENARIOS;
