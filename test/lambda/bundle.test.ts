import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLE_DIR } from "./build-bundle";

// What open-next.config.ts asks of the bundle `sst deploy` uploads, checked on the build
// itself: each is worth tens of milliseconds on every cold start (docs/performance.md).
describe("the server function's bundle", () => {
  const output = JSON.parse(readFileSync(path.resolve(".open-next/open-next.output.json"), "utf8")) as {
    origins: { default: Record<string, unknown> };
  };

  it("uses OpenNext's lite cache clients, not three bundled AWS SDK clients", () => {
    expect(output.origins.default).toMatchObject({
      incrementalCache: "s3-lite",
      tagCache: "dynamodb-lite",
      queue: "sqs-lite",
    });
    // With the SDK-based clients, the entry file is about 700 KB.
    expect(statSync(path.join(BUNDLE_DIR, "index.mjs")).size).toBeLessThan(200_000);
  });

  it("is minified, Next's own server files included", () => {
    const file = readFileSync(path.join(BUNDLE_DIR, "node_modules/next/dist/server/base-server.js"), "utf8");
    expect(file.split("\n").length).toBeLessThan(50);
  });

  it("ships none of the local stack's tools: not the AGPL policy evaluator, not the emulators", () => {
    const files = readdirSync(BUNDLE_DIR, { recursive: true, encoding: "utf8" });
    expect(files.length).toBeGreaterThan(100);
    const local = /@cloud-copilot|iam-simulate|dynalite|s3rver|scripts[\\/]local-aws/;
    expect(files.filter((file) => local.test(file))).toEqual([]);
    const code = files.filter(
      (file) => /\.(m?js|cjs)$/.test(file) && statSync(path.join(BUNDLE_DIR, file)).isFile(),
    );
    const mentioning = code.filter((file) =>
      /@cloud-copilot|runUnsafeSimulation/.test(readFileSync(path.join(BUNDLE_DIR, file), "utf8")),
    );
    expect(mentioning).toEqual([]);
  });
});
