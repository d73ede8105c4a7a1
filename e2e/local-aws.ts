import { readFileSync } from "node:fs";
import { runningEnvFile } from "../scripts/local-aws/environment";

/** The environment of the local AWS that Playwright's `npm start` runs (playwright.config.ts). */
export function e2eLocalAws(): Record<string, string> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is set by playwright.config.ts");
  return JSON.parse(readFileSync(runningEnvFile(dataDir), "utf8")) as Record<string, string>;
}
