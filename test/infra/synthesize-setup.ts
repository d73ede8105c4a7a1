import { spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { SCENARIOS, type ScenarioName } from "./scenarios";
import { type Synthesis, synthesize } from "./synthesize";

export type SynthesisResult = { synthesis: Synthesis } | { error: string };

declare module "vitest" {
  export interface ProvidedContext {
    infraSyntheses: Record<ScenarioName, SynthesisResult>;
  }
}

/**
 * Vitest global setup: runs sst.config.ts under mocks once per scenario, in parallel, for
 * every infrastructure test. A config that fails is reported by the tests, not here, so
 * the other layers still run.
 */
export default async function setup(project: TestProject) {
  const install = spawnSync("bash", ["scripts/install-sst-platform.sh"], { stdio: "inherit" });
  if (install.status !== 0)
    throw new Error("Could not install the SST platform (scripts/install-sst-platform.sh).");

  const names = Object.keys(SCENARIOS) as ScenarioName[];
  const entries = await Promise.all(names.map(async (name) => [name, await attempt(name)] as const));
  project.provide("infraSyntheses", Object.fromEntries(entries) as Record<ScenarioName, SynthesisResult>);
}

async function attempt(name: ScenarioName): Promise<SynthesisResult> {
  try {
    const scenario = SCENARIOS[name];
    return { synthesis: await synthesize(scenario.stage, scenario.env, "dev" in scenario && scenario.dev) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
