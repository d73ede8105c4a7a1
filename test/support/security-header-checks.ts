// What issue 7 asks of every response's headers, written against the requirement (not
// against lib/security-headers.ts), shared by the Lambda contract and browser tests.

type Headers = Record<string, string | undefined>;

/** The CSP's directives by name, e.g. { "script-src": ["'self'", "'nonce-…'"] }. */
export function cspDirectives(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The nonce the CSP allows scripts with, if any. */
export function scriptNonce(csp: string): string | undefined {
  const scriptSrc = cspDirectives(csp).get("script-src") ?? [];
  return scriptSrc.map((source) => /^'nonce-([^']+)'$/.exec(source)?.[1]).find(Boolean);
}

/** Every way these headers fall short; empty when they are all there and strict. */
export function securityHeaderProblems(raw: Headers): string[] {
  const headers = Object.fromEntries(Object.entries(raw).map(([name, value]) => [name.toLowerCase(), value]));
  const problems: string[] = [];
  const csp = headers["content-security-policy"];
  if (!csp) {
    problems.push("no Content-Security-Policy");
  } else {
    const directives = cspDirectives(csp);
    const scriptSrc = directives.get("script-src") ?? directives.get("default-src") ?? [];
    if (scriptSrc.length === 0) problems.push("CSP does not restrict scripts");
    if (scriptSrc.includes("'unsafe-inline'")) problems.push("CSP allows inline scripts ('unsafe-inline')");
    if (scriptSrc.includes("'unsafe-eval'")) problems.push("CSP allows eval ('unsafe-eval')");
    if (!scriptSrc.some((source) => /^'(nonce|sha(256|384|512))-/.test(source)))
      problems.push("CSP script-src has no nonce or hash");
    if (directives.get("frame-ancestors")?.join(" ") !== "'none'")
      problems.push("CSP lacks frame-ancestors 'none'");
    if (directives.get("object-src")?.join(" ") !== "'none'") problems.push("CSP lacks object-src 'none'");
  }
  const hsts = headers["strict-transport-security"] ?? "";
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
  if (maxAge < 31_536_000) problems.push(`HSTS max-age under a year: "${hsts}"`);
  if (!/includeSubDomains/i.test(hsts)) problems.push("HSTS without includeSubDomains");
  if (headers["x-content-type-options"] !== "nosniff") problems.push("X-Content-Type-Options is not nosniff");
  const referrer = headers["referrer-policy"] ?? "";
  if (!["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"].includes(referrer))
    problems.push(`Referrer-Policy leaks or is missing: "${referrer}"`);
  const permissions = headers["permissions-policy"] ?? "";
  for (const feature of ["camera", "microphone", "geolocation"])
    if (!permissions.includes(`${feature}=()`)) problems.push(`Permissions-Policy does not deny ${feature}`);
  return problems;
}
