import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Playwright's own browser when it is installed, else Debian's Chromium. Playwright's
 * browser download needs network access that some machines do not have.
 */
export function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(
    "No Chromium found for the browser tests. Install one with `npx playwright install chromium` " +
      "or, on Debian/Ubuntu, `sudo apt-get install -y chromium`.",
  );
}

// Without these, Chromium keeps trying to reach Google services; on a machine with
// no network that is noise and delay. --no-sandbox because CI runs as root.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
