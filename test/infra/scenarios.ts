// The deploys the infrastructure tests run under mocks: production with every optional
// setting given (and each number away from its default, to see it arrive), a preview
// stage with nothing but the secret, to see the defaults and the clean-up behaviour, the
// same on a new account whose Lambda concurrency quota is 10, and a developer's personal
// stage under `sst dev`. Production and preview accounts have the usual quota of 1,000.

/** A value nobody would pick, so finding it anywhere in clear text is a leak. */
export const TEST_SALT = "salt-under-test-5f0c9d2e";
/** The same for the contact form's key. */
export const TEST_FORM_KEY = "form-key-under-test-9b41a7c3";
const secrets = { SST_SECRET_VisitorSalt: TEST_SALT, SST_SECRET_ContactFormKey: TEST_FORM_KEY };

export const SCENARIOS = {
  production: {
    stage: "production",
    env: {
      ...secrets,
      PORTFOLIO_DOMAIN: "portfolio.example.com",
      PORTFOLIO_ALARM_EMAIL: "owner@example.com",
      PORTFOLIO_MONTHLY_BUDGET_USD: "25",
      PORTFOLIO_RESUME_NONCURRENT_DAYS: "45",
      PORTFOLIO_RESERVED_CONCURRENCY: "7",
      PORTFOLIO_WAF_RATE_LIMIT: "750",
      PORTFOLIO_OWNER_EMAIL: "owner@example.com",
      PORTFOLIO_DIGEST_HOUR: "7",
      PORTFOLIO_TIMEZONE: "Europe/Berlin",
      PORTFOLIO_DOWNLOAD_ALERT: "on",
      PORTFOLIO_CONTACT_RATE_LIMIT: "3",
      PORTFOLIO_CONTACT_BURST_LIMIT: "12",
    },
  },
  preview: { stage: "pr-5", env: secrets },
  // A new AWS account: Lambda's concurrency quota is 10 until AWS or a request raises it.
  freshAccount: {
    stage: "first",
    env: { ...secrets, MOCK_LAMBDA_CONCURRENCY_QUOTA: "10" },
  },
  dev: { stage: "alice", env: secrets, dev: true },
} as const;

export type ScenarioName = keyof typeof SCENARIOS;
