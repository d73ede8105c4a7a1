import { describe, expect, it } from "vitest";
import { loadInfraConfig } from "../../infra/config";

describe("deploy settings", () => {
  it("fall back to the documented defaults when unset or empty", () => {
    const expected = {
      monthlyBudgetUsd: 20,
      resumeNoncurrentDays: 30,
      reservedConcurrency: 10,
      wafRateLimit: 500,
    };
    expect(loadInfraConfig({})).toEqual(expected);
    expect(
      loadInfraConfig({ PORTFOLIO_DOMAIN: "", PORTFOLIO_ALARM_EMAIL: "", PORTFOLIO_WAF_RATE_LIMIT: "" }),
    ).toEqual(expected);
  });

  it("read every value from its variable", () => {
    const config = loadInfraConfig({
      PORTFOLIO_DOMAIN: "Me.Example.com",
      PORTFOLIO_ALARM_EMAIL: "me@example.com",
      PORTFOLIO_MONTHLY_BUDGET_USD: "12.5",
      PORTFOLIO_RESUME_NONCURRENT_DAYS: "90",
      PORTFOLIO_RESERVED_CONCURRENCY: "3",
      PORTFOLIO_WAF_RATE_LIMIT: "1000",
    });
    expect(config).toEqual({
      domain: "me.example.com",
      alarmEmail: "me@example.com",
      monthlyBudgetUsd: 12.5,
      resumeNoncurrentDays: 90,
      reservedConcurrency: 3,
      wafRateLimit: 1000,
    });
  });

  it("accept a reserved concurrency of 0, meaning none", () => {
    expect(loadInfraConfig({ PORTFOLIO_RESERVED_CONCURRENCY: "0" }).reservedConcurrency).toBe(0);
  });

  it("reject bad values, naming every variable at fault", () => {
    const load = () =>
      loadInfraConfig({
        PORTFOLIO_DOMAIN: "https://example.com",
        PORTFOLIO_ALARM_EMAIL: "not-an-address",
        PORTFOLIO_MONTHLY_BUDGET_USD: "-1",
        PORTFOLIO_RESUME_NONCURRENT_DAYS: "1.5",
        PORTFOLIO_RESERVED_CONCURRENCY: "-1",
        PORTFOLIO_WAF_RATE_LIMIT: "5",
      });
    expect(load).toThrow(/PORTFOLIO_DOMAIN/);
    for (const name of [
      "PORTFOLIO_ALARM_EMAIL",
      "PORTFOLIO_MONTHLY_BUDGET_USD",
      "PORTFOLIO_RESUME_NONCURRENT_DAYS",
      "PORTFOLIO_RESERVED_CONCURRENCY",
      "PORTFOLIO_WAF_RATE_LIMIT",
    ]) {
      expect(load).toThrow(name);
    }
  });
});
