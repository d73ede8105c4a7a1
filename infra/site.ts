// The site: Next.js on Lambda behind CloudFront, with WAF in front and the function URL
// closed to everything but CloudFront.
import { originSecret } from "../lib/contact/keys";
import { type ConcurrencyPlan, LAMBDA_CONCURRENCY_QUOTA, planConcurrency } from "./concurrency";
import type { InfraConfig } from "./config";
import type { MailData } from "./contact";
import {
  staticSecurityHeaders,
  withoutSampledRequests,
  withRateLimitOnServerRoutes,
  withResponseHeaders,
} from "./edge";
import { viewerRequestInjection } from "./edge-request";
import { deployedPermissions, type Targets } from "./links";
import { type Role, siteRoles } from "./permissions";

export type Site = {
  site: sst.aws.Nextjs;
  router?: sst.aws.Router;
  salt: sst.Secret;
  /** The server's reserved concurrency and why; none under `sst dev`. */
  concurrency?: $util.Output<ConcurrencyPlan>;
};

export function createSite(config: InfraConfig, targets: Targets, mail: MailData): Site {
  // The changeover day's visitor salt (lib/visits/salt.ts): the code before random daily
  // salts derived every day's from it. Set it with `sst secret set VisitorSalt`; a deploy
  // without it fails. docs/visits.md says when it can go.
  const salt = new sst.Secret("VisitorSalt");

  // `sst dev` serves the site from the developer's machine, so a personal stage gets
  // no CDN and no WAF (which costs a few dollars a month whether used or not).
  const router = $dev ? undefined : createRouter(config, mail.formKey);
  // Nothing is reserved for `sst dev`, which runs the site on the developer's machine.
  const concurrency = $dev ? undefined : concurrencyForDeploy(config.reservedConcurrency);

  // Under `sst dev` the local server also hosts the contact function and the retry job
  // (scripts/dev/local-functions.mjs), with the dev server role's credentials.
  const roles: Role[] = [
    ...siteRoles(config.downloadAlert),
    ...($dev ? (["contactApi", "contactRetry"] as const) : []),
  ];
  const mailLinks = config.downloadAlert || $dev ? [mail.messages, mail.sender] : [];

  const site = new sst.aws.Nextjs("Site", {
    router: router && { instance: router },
    // The form key signs the timestamp each page renders into the contact form.
    link: [targets.visits, targets.dailyVisitors, targets.resume, salt, mail.formKey, ...mailLinks],
    permissions: deployedPermissions(roles, targets),
    environment: {
      VISITS_ADDRESS_CAP: String(config.addressCap),
      ...(config.downloadAlert ? { PORTFOLIO_DOWNLOAD_ALERT: "on" } : {}),
    },
    // Same version as @opennextjs/aws in package.json, so the bundle the Lambda contract
    // tests invoke is the bundle AWS runs (checked by a unit test).
    openNextVersion: "4.1.16",
    dev: { command: "npm run dev", url: "http://localhost:3000" },
    // SST's warmer: every 5 minutes a scheduled function invokes the server this many
    // times at once with a `{ type: "warmer" }` event, which SST's handler wrapper answers
    // before loading Next (so it renders nothing and counts no visit), keeping that many
    // instances' runtimes alive. None under `sst dev`, whose site runs locally.
    warm: $dev || config.warmInstances === 0 ? undefined : config.warmInstances,
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
      server: (args, _opts, name) => {
        args.logging = { retention: "1 month" };
        // SST adds cloudfront:CreateInvalidation on "*" for OpenNext's automatic CDN
        // invalidation, which this app does not turn on (it has no on-demand revalidation).
        args.permissions = $output(args.permissions ?? []).apply((permissions) =>
          permissions.filter((p) => !p.actions.includes("cloudfront:CreateInvalidation")),
        );
        // A cap on what abuse or a bill can grow to, when the account's quota allows one
        // (infra/concurrency.ts); throttled requests show up in an alarm. SST runs this
        // transform for `sst dev`'s placeholder function too (`SiteDevServer`), whose
        // role Next.js assumes locally: a reservation there would only use up quota.
        if (concurrency && !name.endsWith("DevServer")) {
          args.concurrency = concurrency.apply((plan) => (plan.reserved ? { reserved: plan.reserved } : {}));
        }
      },
    },
  });

  return { site, router, salt, concurrency };
}

function createRouter(config: InfraConfig, formKey: sst.Secret): sst.aws.Router {
  const headers = staticSecurityHeaders();
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
        // One function runs before the routing: it drops the query string where the answer
        // ignores it (cache key), and marks requests for the contact API with a value
        // derived from the form key, which the API requires (infra/edge-request.ts).
        injection: formKey.value.apply((key) => viewerRequestInjection(originSecret(key))),
      },
    },
    transform: {
      waf: (args) => {
        withoutSampledRequests(args);
        withRateLimitOnServerRoutes(args);
      },
      cdn: (args) => {
        withResponseHeaders(args, headers);
      },
    },
  });
}

/**
 * The reservation for this deploy, from the Lambda concurrency quota the account has now
 * in this region (the applied value if there is one, else AWS's default).
 */
function concurrencyForDeploy(wanted: number): $util.Output<ConcurrencyPlan> {
  if (wanted === 0) return $output(planConcurrency(0, 0));
  return aws.servicequotas
    .getServiceQuotaOutput(LAMBDA_CONCURRENCY_QUOTA)
    .value.apply((quota) => planConcurrency(wanted, quota));
}
