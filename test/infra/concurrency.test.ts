import { describe, expect, it } from "vitest";
import { planConcurrency } from "../../infra/concurrency";

describe("planConcurrency", () => {
  it("reserves what was asked when at least 100 executions stay unreserved", () => {
    expect(planConcurrency(10, 1_000)).toMatchObject({
      reserved: 10,
      summary: expect.stringMatching(/10 reserved of .*1000/),
    });
    expect(planConcurrency(10, 110)).toMatchObject({ reserved: 10 });
  });

  it("reserves nothing, and says why, when Lambda would refuse the reservation (a new account's quota of 10)", () => {
    for (const [wanted, quota] of [
      [10, 10],
      [1, 100],
      [11, 110],
    ]) {
      const plan = planConcurrency(wanted!, quota!);
      expect(plan.reserved, `${wanted} of ${quota}`).toBeUndefined();
      expect(plan.summary).toMatch(new RegExp(`quota is ${quota} .*Service Quotas`));
    }
  });

  it("reserves nothing when asked for 0", () => {
    expect(planConcurrency(0, 1_000)).toEqual({ summary: expect.stringMatching(/none reserved/) });
  });
});
