import { describe, expect, it } from "vitest";
import { issueFormToken, MIN_FILL_MS } from "./form-token";
import type { Submission } from "./schema";
import { screenSubmission } from "./spam";

const KEY = "key-for-tests";
const NOW = Date.UTC(2026, 4, 1, 12);
const person: Submission = {
  name: "Ada",
  email: "ada@example.org",
  message: "Hi",
  honeypot: "",
  token: issueFormToken(KEY, NOW - 30_000),
};

describe("screenSubmission", () => {
  it("lets a person through", () => {
    expect(screenSubmission(person, KEY, NOW)).toEqual({ verdict: "ok" });
  });

  it("calls a filled honeypot spam, even with a good token", () => {
    expect(screenSubmission({ ...person, honeypot: "https://spam.example" }, KEY, NOW)).toEqual({
      verdict: "spam",
      reason: "honeypot",
    });
  });

  it("calls a form sent faster than the minimum fill time spam", () => {
    const fast = { ...person, token: issueFormToken(KEY, NOW - MIN_FILL_MS + 500) };
    expect(screenSubmission(fast, KEY, NOW)).toEqual({ verdict: "spam", reason: "too-fast" });
  });

  it("calls a missing or forged token spam", () => {
    expect(screenSubmission({ ...person, token: "" }, KEY, NOW)).toEqual({
      verdict: "spam",
      reason: "bad-token",
    });
    expect(screenSubmission(person, "other-key", NOW)).toEqual({ verdict: "spam", reason: "bad-token" });
  });

  it("tells a person with a day-old page to reload, rather than calling them spam", () => {
    const old = { ...person, token: issueFormToken(KEY, NOW - 25 * 3_600_000) };
    expect(screenSubmission(old, KEY, NOW)).toEqual({ verdict: "expired" });
  });
});
