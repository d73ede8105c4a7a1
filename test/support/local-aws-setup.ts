import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { identityEnvironment } from "../../scripts/local-aws/environment";
import { startLocalAws } from "../../scripts/local-aws/stack";

declare module "vitest" {
  export interface ProvidedContext {
    localAwsEnv: Record<string, string>;
  }
}

/**
 * Vitest global setup: one embedded local AWS per project run, in a throwaway data folder.
 * Tests get the app's environment (the site role) and the owner's keys beside it, for
 * setting up and inspecting data (test/support/owner-clients.ts).
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-test-aws-"));
  const stack = await startLocalAws({ dataDir });
  project.provide("localAwsEnv", { ...stack.env, ...identityEnvironment() });
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
