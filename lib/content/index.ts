import { portfolio as content } from "./portfolio";
import type { Portfolio } from "./schema";

/**
 * The content, checked against the schema wherever a mistake can still be fixed: on
 * every load in development and in tests, and by `next build`, which evaluates this
 * module, so bad content fails the build naming the field. A production server serves
 * what its build checked and never loads zod: building the schemas and parsing cost a
 * Lambda cold start about 25 ms (docs/performance.md). That is why the schema only
 * checks and never changes a value: the file as written is what the site shows.
 */
async function load(): Promise<Portfolio> {
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (process.env.NODE_ENV === "production" && !building) return content;
  // Imported only here, so a production server never loads the schema or zod.
  const { parsePortfolio } = await import("./schema");
  return parsePortfolio(content, "lib/content/portfolio.ts");
}

export const portfolio = await load();
export type { Certification, Portfolio, Project, Role } from "./schema";
