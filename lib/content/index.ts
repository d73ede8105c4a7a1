import { portfolio as raw } from "./portfolio";
import { parsePortfolio } from "./schema";

// Parsed at module load: the build imports this module, so bad content fails `next build`.
export const portfolio = parsePortfolio(raw, "lib/content/portfolio.ts");
export type { Certification, Portfolio, Project, Role } from "./schema";
