import { describe, expect, it } from "vitest";
import { formatCount, formatMonth } from "./format";

describe("formatMonth", () => {
  it.each([
    ["2022-04", "Apr 2022"],
    ["2017-01", "Jan 2017"],
    ["2019-12", "Dec 2019"],
  ])("writes %s as Intl's en-US short month and year would", (value, expected) => {
    expect(formatMonth(value)).toBe(expected);
    const intl = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
    expect(formatMonth(value)).toBe(intl.format(new Date(`${value}-01T00:00:00Z`)));
  });
});

describe("formatCount", () => {
  it.each([0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 1_234_567_890])(
    "groups %d as Intl's en-US number format does",
    (count) => {
      expect(formatCount(count)).toBe(new Intl.NumberFormat("en-US").format(count));
    },
  );
});
