import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };

describe("OpenNext version", () => {
  it("is pinned in infra/site.ts to the version the Lambda contract tests build with", () => {
    const config = readFileSync("infra/site.ts", "utf8");
    const pinned = config.match(/openNextVersion:\s*"([^"]+)"/)?.[1];
    expect(pinned).toBeDefined();
    expect(pinned).toBe(packageJson.devDependencies["@opennextjs/aws"]);
  });
});
