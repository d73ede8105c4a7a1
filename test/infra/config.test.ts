import { describe, expect, it } from "vitest";
import { loadInfraConfig } from "../../infra/config";
import { portfolio } from "../../lib/content/portfolio";

describe("deploy settings", () => {
  it("fall back to the documented defaults when unset or empty", () => {
    const expected = {
      monthlyBudgetUsd: 20,
      resumeNoncurrentDays: 30,
      reservedConcurrency: 10,
      wafRateLimit: 1_000,
      ownerEmail: portfolio.contact.email,
      digestHour: 8,
      timeZone: "UTC",
      downloadAlert: false,
      addressCap: 20,
      contactRateLimit: 1,
      contactBurstLimit: 5,
      warmInstances: 0,
    };
    expect(loadInfraConfig({})).toEqual(expected);
    expect(
      loadInfraConfig({
        PORTFOLIO_DOMAIN: "",
        PORTFOLIO_ALARM_EMAIL: "",
        PORTFOLIO_WAF_RATE_LIMIT: "",
        PORTFOLIO_OWNER_EMAIL: "",
        PORTFOLIO_TIMEZONE: "",
        PORTFOLIO_DOWNLOAD_ALERT: "",
        PORTFOLIO_WARM_INSTANCES: "",
      }),
    ).toEqual(expected);
  });

  it("keep one server instance warm in production unless told otherwise, and none elsewhere", () => {
    expect(loadInfraConfig({}, { production: true }).warmInstances).toBe(1);
    expect(loadInfraConfig({ PORTFOLIO_WARM_INSTANCES: "" }, { production: true }).warmInstances).toBe(1);
    expect(loadInfraConfig({ PORTFOLIO_WARM_INSTANCES: "0" }, { production: true }).warmInstances).toBe(0);
    expect(loadInfraConfig({ PORTFOLIO_WARM_INSTANCES: "2" }).warmInstances).toBe(2);
  });

  it("read every value from its variable", () => {
    const config = loadInfraConfig({
      PORTFOLIO_DOMAIN: "Me.Example.com",
      PORTFOLIO_ALARM_EMAIL: "me@example.com",
      PORTFOLIO_MONTHLY_BUDGET_USD: "12.5",
      PORTFOLIO_RESUME_NONCURRENT_DAYS: "90",
      PORTFOLIO_RESERVED_CONCURRENCY: "3",
      PORTFOLIO_WAF_RATE_LIMIT: "3000",
      PORTFOLIO_VISITOR_CAP_PER_ADDRESS: "50",
      PORTFOLIO_OWNER_EMAIL: "owner@example.org",
      PORTFOLIO_DIGEST_HOUR: "0",
      PORTFOLIO_TIMEZONE: "America/Sao_Paulo",
      PORTFOLIO_DOWNLOAD_ALERT: "on",
      PORTFOLIO_CONTACT_RATE_LIMIT: "4",
      PORTFOLIO_CONTACT_BURST_LIMIT: "20",
      PORTFOLIO_WARM_INSTANCES: "3",
    });
    expect(config).toEqual({
      domain: "me.example.com",
      alarmEmail: "me@example.com",
      monthlyBudgetUsd: 12.5,
      resumeNoncurrentDays: 90,
      reservedConcurrency: 3,
      wafRateLimit: 3000,
      ownerEmail: "owner@example.org",
      digestHour: 0,
      timeZone: "America/Sao_Paulo",
      downloadAlert: true,
      addressCap: 50,
      contactRateLimit: 4,
      contactBurstLimit: 20,
      warmInstances: 3,
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
        PORTFOLIO_OWNER_EMAIL: "owner at example.org",
        PORTFOLIO_DIGEST_HOUR: "24",
        PORTFOLIO_TIMEZONE: "Mars/Olympus_Mons",
        PORTFOLIO_DOWNLOAD_ALERT: "yes",
        PORTFOLIO_CONTACT_RATE_LIMIT: "0",
        PORTFOLIO_CONTACT_BURST_LIMIT: "1.5",
        PORTFOLIO_WARM_INSTANCES: "11",
      });
    expect(load).toThrow(/PORTFOLIO_DOMAIN/);
    for (const name of [
      "PORTFOLIO_ALARM_EMAIL",
      "PORTFOLIO_MONTHLY_BUDGET_USD",
      "PORTFOLIO_RESUME_NONCURRENT_DAYS",
      "PORTFOLIO_RESERVED_CONCURRENCY",
      "PORTFOLIO_WAF_RATE_LIMIT",
      "PORTFOLIO_OWNER_EMAIL",
      "PORTFOLIO_DIGEST_HOUR",
      "PORTFOLIO_TIMEZONE",
      "PORTFOLIO_DOWNLOAD_ALERT",
      "PORTFOLIO_CONTACT_RATE_LIMIT",
      "PORTFOLIO_CONTACT_BURST_LIMIT",
      "PORTFOLIO_WARM_INSTANCES",
    ]) {
      expect(load).toThrow(name);
    }
  });
});
