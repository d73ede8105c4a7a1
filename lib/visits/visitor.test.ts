import { describe, expect, it } from "vitest";
import { utcDay } from "./table";
import { addressKey, classifyVisit, clientIp, visitorId, visitorNetwork } from "./visitor";

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

function request(headers: Record<string, string>, method = "GET", behindCloudFront = false) {
  return { method, headers: new Headers(headers), behindCloudFront };
}

describe("classifyVisit", () => {
  it("counts a browser GET and identifies the visitor", () => {
    expect(classifyVisit(request({ "user-agent": CHROME, "x-forwarded-for": "203.0.113.5" }))).toEqual({
      count: true,
      clientIp: "203.0.113.5",
      userAgent: CHROME,
    });
  });

  it("ignores HEAD and any method but GET", () => {
    for (const method of ["HEAD", "POST", "OPTIONS"]) {
      expect(classifyVisit(request({ "user-agent": CHROME }, method))).toEqual({
        count: false,
        reason: "method",
      });
    }
  });

  it.each([
    ["next-router-prefetch", "1"],
    ["purpose", "prefetch"],
    ["sec-purpose", "prefetch;prerender"],
  ])("ignores prefetches (%s: %s)", (name, value) => {
    expect(classifyVisit(request({ "user-agent": CHROME, [name]: value }))).toEqual({
      count: false,
      reason: "prefetch",
    });
  });

  it.each([
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
    "curl/8.5.0",
  ])("ignores bots and link previews: %s", (userAgent) => {
    expect(classifyVisit(request({ "user-agent": userAgent }))).toEqual({ count: false, reason: "bot" });
  });

  it("takes proxy.ts's prefetch verdict when there is one: Next hides its router headers from the page", () => {
    expect(classifyVisit(request({ "user-agent": CHROME, "x-portfolio-prefetch": "1" }))).toEqual({
      count: false,
      reason: "prefetch",
    });
    expect(classifyVisit(request({ "user-agent": CHROME, "x-portfolio-prefetch": "0" })).count).toBe(true);
  });

  it("ignores a request with no user agent", () => {
    expect(classifyVisit(request({}))).toEqual({ count: false, reason: "no-user-agent" });
    expect(classifyVisit(request({ "user-agent": "   " }))).toEqual({
      count: false,
      reason: "no-user-agent",
    });
  });

  it("counts a garbled user agent, cut to 512 characters", () => {
    const garbled = `${CHROME} \u00ff\u00fe${"x".repeat(5_000)}`;
    const verdict = classifyVisit(request({ "user-agent": garbled }));
    expect(verdict.count).toBe(true);
    expect(verdict.count && verdict.userAgent.length).toBe(512);
  });
});

describe("clientIp", () => {
  it("trusts only CloudFront's viewer address behind CloudFront, whatever X-Forwarded-For says", () => {
    const headers = new Headers({
      "cloudfront-viewer-address": "198.51.100.7:53211",
      "x-forwarded-for": "10.0.0.1, 1.2.3.4",
    });
    expect(clientIp(headers, true)).toBe("198.51.100.7");
  });

  it("reads an IPv6 viewer address with its port", () => {
    expect(clientIp(new Headers({ "cloudfront-viewer-address": "2001:db8::8a2e:370:7334:443" }), true)).toBe(
      "2001:db8::8a2e:370:7334",
    );
  });

  it("behind CloudFront without its header, knows no address rather than trusting the client", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), true)).toBe("unknown");
  });

  it("locally, takes the last X-Forwarded-For entry (the socket, set by the launcher's server)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 127.0.0.1" }), false)).toBe("127.0.0.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), false)).toBe("127.0.0.1");
  });

  it("rejects anything that is not an IP address", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "<script>" }), false)).toBe("unknown");
    expect(clientIp(new Headers({ "cloudfront-viewer-address": "not-an-ip:80" }), true)).toBe("unknown");
    expect(clientIp(new Headers({ "x-forwarded-for": `${"1.".repeat(10_000)}1` }), false)).toBe("unknown");
  });
});

const SALT = Buffer.alloc(32, 7);
const OTHER_DAY = Buffer.alloc(32, 8);
const IP = "203.0.113.5";
const UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

describe("visitor ids", () => {
  it("are stable for one visitor within a day", () => {
    expect(visitorId(SALT, IP, UA)).toBe(visitorId(Buffer.from(SALT), IP, UA));
  });

  it("change with the day's salt, and with the address or the browser", () => {
    const today = visitorId(SALT, IP, UA);
    expect(visitorId(OTHER_DAY, IP, UA)).not.toBe(today);
    expect(visitorId(SALT, "203.0.113.6", UA)).not.toBe(today);
    expect(visitorId(SALT, IP, `${UA} `)).not.toBe(today);
  });

  it("take an IPv6 visitor by their /64, so rotating privacy addresses stay one visitor", () => {
    const id = visitorId(SALT, "2001:db8:1:2::5", UA);
    expect(visitorId(SALT, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", UA)).toBe(id);
    expect(visitorId(SALT, "2001:db8:1:3::5", UA)).not.toBe(id);
    // The changeover day keeps the full address, as that day's earlier ids were made.
    expect(visitorId(SALT, "2001:db8:1:2::6", UA, false)).not.toBe(
      visitorId(SALT, "2001:db8:1:2::5", UA, false),
    );
  });

  it("contain neither the address nor the user agent", () => {
    const id = visitorId(SALT, IP, UA);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain(IP);
    expect(id).not.toContain("Mozilla");
  });

  it("use UTC days", () => {
    expect(utcDay(new Date("2026-11-27T23:59:59-05:00"))).toBe("2026-11-28");
  });
});

describe("address keys, for the per-address cap", () => {
  it("key the address alone: every browser behind one address shares it", () => {
    expect(addressKey(SALT, IP)).toBe(addressKey(SALT, IP));
    expect(addressKey(SALT, "203.0.113.6")).not.toBe(addressKey(SALT, IP));
    expect(addressKey(OTHER_DAY, IP)).not.toBe(addressKey(SALT, IP));
    expect(addressKey(SALT, IP)).not.toContain("203");
  });

  it("take IPv6 by its /64", () => {
    expect(visitorNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(visitorNetwork("203.0.113.5")).toBe("203.0.113.5");
    expect(addressKey(SALT, "2001:db8:1:2::1")).toBe(addressKey(SALT, "2001:db8:1:2:ffff:ffff:ffff:ffff"));
  });
});
