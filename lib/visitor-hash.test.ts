import { describe, expect, it } from "vitest";
import { daySalt, utcDay, visitorId } from "./visitor-hash";

const SECRET = "0123456789abcdef0123456789abcdef";
const IP = "203.0.113.5";
const UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

describe("visitor ids", () => {
  it("are stable for one visitor within a day", () => {
    const salt = daySalt(SECRET, "2026-11-27");
    expect(visitorId(salt, IP, UA)).toBe(visitorId(daySalt(SECRET, "2026-11-27"), IP, UA));
  });

  it("change every day, and with the address or the browser", () => {
    const today = visitorId(daySalt(SECRET, "2026-11-27"), IP, UA);
    expect(visitorId(daySalt(SECRET, "2026-11-28"), IP, UA)).not.toBe(today);
    expect(visitorId(daySalt(SECRET, "2026-11-27"), "203.0.113.6", UA)).not.toBe(today);
    expect(visitorId(daySalt(SECRET, "2026-11-27"), IP, `${UA} `)).not.toBe(today);
  });

  it("depend on the secret, so a day's salt cannot be recomputed without it", () => {
    expect(daySalt(SECRET, "2026-11-27").equals(daySalt(`${SECRET}x`, "2026-11-27"))).toBe(false);
  });

  it("contain neither the address nor the user agent", () => {
    const id = visitorId(daySalt(SECRET, "2026-11-27"), IP, UA);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain(IP);
    expect(id).not.toContain("Mozilla");
  });

  it("use UTC days", () => {
    expect(utcDay(new Date("2026-11-27T23:59:59-05:00"))).toBe("2026-11-28");
  });
});
