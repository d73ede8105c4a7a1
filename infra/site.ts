// The site: Next.js on Lambda behind CloudFront, with WAF in front and the function URL
// closed to everything but CloudFront.
import { ORIGIN_HEADER, originSecret } from "../lib/contact/keys";
import { CONTACT_PATH } from "../lib/contact/form";
import type { InfraConfig } from "./config";
import type { MailData } from "./contact";
import { rolePermissions, type Targets } from "./links";
import type { Role } from "./permissions";

export type Site = { site: sst.aws.Nextjs; router?: sst.aws.Router; salt: sst.Secret };

export function createSite(config: InfraConfig, targets: Targets, mail: MailData): Site {
  // The visitor-hash salt; set it with `sst secret set VisitorSalt`. A deploy without it fails.
  const salt = new sst.Secret("VisitorSalt");

  // `sst dev` serves the site from the developer's machine, so a personal stage gets
  // no CDN and no WAF (which costs a few dollars a month whether used or not).
  const router = $dev ? undefined : createRouter(config, mail.formKey);

  // Under `sst dev` the local server also hosts the contact function and the retry job
  // (scripts/dev/local-functions.mjs), with the dev server role's credentials.
  const roles: Role[] = [
    "site",
    ...(config.downloadAlert ? (["downloadAlert"] as const) : []),
    ...($dev ? (["contactApi", "contactRetry"] as const) : []),
  ];
  const mailLinks = config.downloadAlert || $dev ? [mail.messages, mail.sender] : [];

  const site = new sst.aws.Nextjs("Site", {
    router: router && { instance: router },
    // The form key signs the timestamp each page renders into the contact form.
    link: [targets.visits, targets.resume, salt, mail.formKey, ...mailLinks],
    permissions: rolePermissions(roles, targets),
    environment: config.downloadAlert ? { PORTFOLIO_DOWNLOAD_ALERT: "on" } : undefined,
    // Same version as @opennextjs/aws in package.json, so the bundle the Lambda contract
    // tests invoke is the bundle AWS runs (checked by a unit test).
    openNextVersion: "4.1.16",
    dev: { command: "npm run dev", url: "http://localhost:3000" },
    server: {
      // Node 22: the AWS SDK for JavaScript stops supporting older Node.js in January 2027.
      runtime: "nodejs22.x",
      // Lambda scales CPU with memory and a cold Next.js render is CPU-bound; RAM use is far lower.
      memory: "1024 MB",
      // Well above a cold start plus the AWS clients' 2 s give-up (lib/aws.ts); a hung render frees its slot soon.
      timeout: "10 seconds",
      // Graviton costs 20% less per GB-second; the server bundle has no native x86 modules.
      architecture: "arm64",
    },
    transform: {
      server: (args) => {
        // A cap on what abuse or a bill can grow to; throttled requests show up in an alarm.
        args.concurrency = { reserved: config.reservedConcurrency };
        args.logging = { retention: "1 month" };
        // SST adds cloudfront:CreateInvalidation on "*" for OpenNext's automatic CDN
        // invalidation, which this app does not turn on (it has no on-demand revalidation).
        args.permissions = $output(args.permissions ?? []).apply((permissions) =>
          permissions.filter((p) => !p.actions.includes("cloudfront:CreateInvalidation")),
        );
      },
    },
  });

  return { site, router, salt };
}

function createRouter(config: InfraConfig, formKey: sst.Secret): sst.aws.Router {
  return new sst.aws.Router("Cdn", {
    domain: config.domain,
    // Function URLs accept only requests CloudFront signs, so nothing reaches the server
    // around the WAF. The app takes no POST bodies, which "oac" would need signed by hand:
    // the contact form posts to its own API (infra/contact.ts), which OAC does not cover.
    protection: "oac",
    waf: {
      rateLimitPerIp: config.wafRateLimit,
      // The common rules cover this app; the SQL-injection and known-bad-inputs (Java,
      // Log4j) groups guard code it does not have, at $1 a month each.
      managedRules: { coreRuleSet: true, knownBadInputs: false, sqlInjection: false },
    },
    edge: {
      viewerRequest: {
        // API Gateway's execute-api URL is public too. CloudFront adds a value derived from
        // the form key to every request for the contact API (overwriting any a client
        // sent), and the function refuses requests without it: none skips the WAF.
        injection: formKey.value.apply((key) => contactOriginInjection(originSecret(key))),
      },
    },
  });
}

/** CloudFront Function code (cloudfront-js-2.0) that marks requests for the contact API. */
function contactOriginInjection(secret: string): string {
  const uri = "event.request.uri";
  return [
    `if (${uri} === ${JSON.stringify(CONTACT_PATH)} || ${uri}.startsWith(${JSON.stringify(`${CONTACT_PATH}/`)})) {`,
    `  event.request.headers[${JSON.stringify(ORIGIN_HEADER)}] = { value: ${JSON.stringify(secret)} };`,
    `}`,
  ].join("\n");
}
