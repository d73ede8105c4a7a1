import { describe, expect, it } from "vitest";
import { cspDirectives, scriptNonce, securityHeaderProblems } from "@/test/support/security-header-checks";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("meets every requirement in production", () => {
    expect(securityHeaderProblems(securityHeaders(createNonce()))).toEqual([]);
  });

  it("allows scripts by this nonce only, never inline or by eval", () => {
    const csp = contentSecurityPolicy("abc123==");
    expect(scriptNonce(csp)).toBe("abc123==");
    expect(cspDirectives(csp).get("script-src")).not.toContain("'unsafe-inline'");
    expect(cspDirectives(csp).get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("relaxes only for next dev (eval, inline styles), which the checks then flag", () => {
    const dev = securityHeaders("abc123==", { dev: true });
    expect(securityHeaderProblems(dev)).toEqual(["CSP allows eval ('unsafe-eval')"]);
    expect(cspDirectives(dev["Content-Security-Policy"]).get("style-src")).toContain("'unsafe-inline'");
  });

  it("allows no inline styles: no 'unsafe-inline', no hashes", () => {
    const styleSrc = cspDirectives(contentSecurityPolicy("abc123==")).get("style-src");
    expect(styleSrc).toEqual(["'self'", "'nonce-abc123=='"]);
  });
});

describe("createNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("securityHeaderProblems (the checks the other layers rely on)", () => {
  it("flags each missing or weak header", () => {
    const weak = {
      "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'",
      "Strict-Transport-Security": "max-age=300",
      "Referrer-Policy": "unsafe-url",
    };
    expect(securityHeaderProblems(weak)).toEqual([
      "CSP allows inline scripts ('unsafe-inline')",
      "CSP script-src has no nonce or hash",
      "CSP lacks frame-ancestors 'none'",
      "CSP lacks object-src 'none'",
      'HSTS max-age under a year: "max-age=300"',
      "HSTS without includeSubDomains",
      "X-Content-Type-Options is not nosniff",
      'Referrer-Policy leaks or is missing: "unsafe-url"',
      "Permissions-Policy does not deny camera",
      "Permissions-Policy does not deny microphone",
      "Permissions-Policy does not deny geolocation",
    ]);
    expect(securityHeaderProblems({})).toContain("no Content-Security-Policy");
  });
});
