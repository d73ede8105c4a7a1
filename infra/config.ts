// Deploy-time settings, read once from the deployer's environment (`sst deploy` also loads
// `.env` and `.env.<stage>`) and validated, so a typo fails the deploy with the variable's
// name instead of creating a wrong resource. docs/deploy.md lists them.
import { z } from "zod";
import { portfolio } from "../lib/content/portfolio";

// An unset variable and `NAME=` in a .env file both mean "use the default".
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());
const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).max(max).default(fallback));
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const schema = z.object({
  // A domain whose Route 53 hosted zone is in the deploying account.
  PORTFOLIO_DOMAIN: optional(
    z
      .string()
      .toLowerCase()
      .regex(
        /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        "must be a domain such as example.com",
      ),
  ),
  PORTFOLIO_ALARM_EMAIL: optional(z.email()),
  PORTFOLIO_MONTHLY_BUDGET_USD: z.preprocess(
    unsetIfEmpty,
    z.coerce.number().positive().max(100_000).default(20),
  ),
  // S3 keeps replaced resumes this long, so an overwrite can be undone.
  PORTFOLIO_RESUME_NONCURRENT_DAYS: integer(1, 3650, 30),
  // 0: reserve none. Reserved only when the account's quota leaves 100 unreserved (infra/concurrency.ts).
  PORTFOLIO_RESERVED_CONCURRENCY: integer(0, 1000, 10),
  // Requests per IP per 5 minutes to the server (pages, /api/*, the download); static
  // files do not count (infra/edge.ts). docs/deploy.md has the numbers.
  PORTFOLIO_WAF_RATE_LIMIT: integer(10, 2_000_000_000, 1_000),
  // Where contact messages, the digest and alerts go, and the SES identity they come from.
  PORTFOLIO_OWNER_EMAIL: optional(z.email()),
  PORTFOLIO_DIGEST_HOUR: integer(0, 23, 8),
  PORTFOLIO_TIMEZONE: z.preprocess(
    unsetIfEmpty,
    z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin").default("UTC"),
  ),
  // New unique visitors counted per address (IPv6: per /64) per day (docs/visits.md).
  PORTFOLIO_VISITOR_CAP_PER_ADDRESS: integer(1, 1000, 20),
  PORTFOLIO_DOWNLOAD_ALERT: z.preprocess(unsetIfEmpty, z.enum(["on", "off"]).default("off")),
  // Server instances SST's warmer keeps warm (0: none); unset, 1 in production, 0 elsewhere.
  PORTFOLIO_WARM_INSTANCES: optional(z.coerce.number().int().min(0).max(10)),
  // API Gateway throttling of POST /api/contact: steady requests per second, and burst.
  PORTFOLIO_CONTACT_RATE_LIMIT: integer(1, 10_000, 1),
  PORTFOLIO_CONTACT_BURST_LIMIT: integer(1, 5_000, 5),
});

export type InfraConfig = {
  domain?: string;
  alarmEmail?: string;
  monthlyBudgetUsd: number;
  resumeNoncurrentDays: number;
  reservedConcurrency: number;
  wafRateLimit: number;
  ownerEmail: string;
  digestHour: number;
  timeZone: string;
  downloadAlert: boolean;
  addressCap: number;
  contactRateLimit: number;
  contactBurstLimit: number;
  warmInstances: number;
};

/**
 * Reads and validates the settings; throws one error naming every bad variable. Some
 * defaults depend on whether the stage is production.
 */
export function loadInfraConfig(
  env: Record<string, string | undefined>,
  { production = false }: { production?: boolean } = {},
): InfraConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid deploy settings (see docs/deploy.md):\n${problems.join("\n")}`);
  }
  const v = parsed.data;
  return {
    domain: v.PORTFOLIO_DOMAIN,
    alarmEmail: v.PORTFOLIO_ALARM_EMAIL,
    monthlyBudgetUsd: v.PORTFOLIO_MONTHLY_BUDGET_USD,
    resumeNoncurrentDays: v.PORTFOLIO_RESUME_NONCURRENT_DAYS,
    reservedConcurrency: v.PORTFOLIO_RESERVED_CONCURRENCY,
    wafRateLimit: v.PORTFOLIO_WAF_RATE_LIMIT,
    // The content file's address is the one visitors see; most owners want mail there too.
    ownerEmail: v.PORTFOLIO_OWNER_EMAIL ?? portfolio.contact.email,
    digestHour: v.PORTFOLIO_DIGEST_HOUR,
    timeZone: v.PORTFOLIO_TIMEZONE,
    downloadAlert: v.PORTFOLIO_DOWNLOAD_ALERT === "on",
    addressCap: v.PORTFOLIO_VISITOR_CAP_PER_ADDRESS,
    contactRateLimit: v.PORTFOLIO_CONTACT_RATE_LIMIT,
    contactBurstLimit: v.PORTFOLIO_CONTACT_BURST_LIMIT,
    // One warm instance spares most recruiters a cold start, for about 2 cents a month
    // (docs/deploy.md); a preview stage has no one to spare it for.
    warmInstances: v.PORTFOLIO_WARM_INSTANCES ?? (production ? 1 : 0),
  };
}
