// What CloudFront and WAF do before and after the site: the settings SST's Router has no
// argument for, made through its transforms and its viewer-request hook.
import { STATIC_SECURITY_HEADERS } from "../lib/security-headers";
import { STATIC_PATH_PREFIXES } from "./static-paths";

/**
 * Security headers for what CloudFront serves straight from S3 (`/_next/static/*`,
 * `public/`), which never passes through proxy.ts. `override: false`: a response that
 * already has the header (everything the function answers) keeps its own.
 */
export function staticSecurityHeaders(): aws.cloudfront.ResponseHeadersPolicy {
  const fixed = STATIC_SECURITY_HEADERS;
  return new aws.cloudfront.ResponseHeadersPolicy("SecurityHeaders", {
    name: `${$app.name}-${$app.stage}-security-headers`,
    comment: "Security headers for files served from S3; the server's own headers win",
    securityHeadersConfig: {
      strictTransportSecurity: {
        accessControlMaxAgeSec: fixed.hstsMaxAgeSeconds,
        includeSubdomains: true,
        preload: true,
        override: false,
      },
      contentTypeOptions: { override: false },
      frameOptions: { frameOption: fixed.frameOptions, override: false },
      referrerPolicy: { referrerPolicy: fixed.referrerPolicy, override: false },
    },
    customHeadersConfig: {
      items: [{ header: "Permissions-Policy", value: fixed.permissionsPolicy, override: false }],
    },
  });
}

/** Puts the response-headers policy on the Router's one cache behaviour (it routes everything). */
export function withResponseHeaders(
  args: sst.aws.CdnArgs,
  policy: aws.cloudfront.ResponseHeadersPolicy,
): void {
  args.defaultCacheBehavior = $util
    .all([args.defaultCacheBehavior, policy.id])
    .apply(([behavior, id]) => ({ ...behavior, responseHeadersPolicyId: id }));
}

/**
 * SST turns on WAF's sampled requests for the web ACL and every rule, so AWS keeps the
 * client IP and headers of sampled requests for about three hours. The site promises to
 * store no IP address: sampling off, CloudWatch metrics kept.
 */
export function withoutSampledRequests(args: aws.wafv2.WebAclArgs): void {
  args.visibilityConfig = $output(args.visibilityConfig).apply((v) => ({
    ...v,
    sampledRequestsEnabled: false,
  }));
  args.rules = $output(args.rules ?? []).apply((rules) =>
    rules.map((rule) => ({
      ...rule,
      visibilityConfig: { ...rule.visibilityConfig, sampledRequestsEnabled: false },
    })),
  );
}

/**
 * Scopes SST's per-IP rate rule to what reaches the server (pages, /api/*, the download,
 * the generated icon, the image optimiser): static files are cached and cost nothing to
 * serve, and counting them blocked a shared office address after about 38 page loads in 5
 * minutes (13 requests a page). The limit
 * itself is PORTFOLIO_WAF_RATE_LIMIT (infra/config.ts).
 */
export function withRateLimitOnServerRoutes(args: aws.wafv2.WebAclArgs): void {
  args.rules = $output(args.rules ?? []).apply((rules) =>
    rules.map((rule) => {
      const rate = rule.statement?.rateBasedStatement;
      if (rule.name !== "RateLimitPerIP" || !rate) return rule;
      const staticPath = (prefix: string) => ({
        byteMatchStatement: {
          fieldToMatch: { uriPath: {} },
          positionalConstraint: "STARTS_WITH",
          searchString: prefix,
          textTransformations: [{ priority: 0, type: "NONE" }],
        },
      });
      return {
        ...rule,
        statement: {
          rateBasedStatement: {
            ...rate,
            scopeDownStatement: {
              notStatement: {
                statements: [{ orStatement: { statements: STATIC_PATH_PREFIXES.map(staticPath) } }],
              },
            },
          },
        },
      };
    }),
  );
}
