// Executes sst.config.ts as `sst deploy --stage <stage>` would, but against Pulumi's mocks
// instead of AWS, and returns every resource it registers. It reproduces the two steps of
// the sst CLI (pkg/project/project.go and pkg/project/stack.go in the sst repository):
// evaluate app() for the stage, then bundle run() with esbuild, with SST's globals
// defined and injected, into .sst/platform/, and run it with Node.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import type { BuildRecord } from "./program/stub-sst-server";
import { type AppConfig, PLATFORM, ROOT, programOptions, sstBuildOptions } from "./sst-bundle";

const run = promisify(execFile);

export type MockResource = {
  type: string;
  name: string;
  /** False for components (SST's own and Pulumi's stack), which AWS never sees. */
  custom: boolean;
  /** What the config sent, Pulumi secrets revealed. */
  inputs: Record<string, unknown>;
  /** The same, with every Pulumi secret replaced by "[secret]": what state and AWS see in the clear. */
  publicInputs: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
};

export type Synthesis = {
  app: AppConfig;
  resources: MockResource[];
  outputs: Record<string, unknown>;
  builds: BuildRecord[];
};

// How Pulumi marks a secret value when it serializes inputs (the SDK's specialSigKey).
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Runs the config for `stage` with `env` as the deployer's environment (nothing else leaks
 * in), as `sst deploy` would, or as `sst dev` would when `dev` is set.
 */
export async function synthesize(
  stage: string,
  env: Record<string, string>,
  dev = false,
): Promise<Synthesis> {
  const work = mkdtempSync(path.join(tmpdir(), "infra-synth-"));
  const tag = `${stage}-${process.pid}-${Date.now()}`;
  try {
    const childEnv = processEnv({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? work, ...env });
    const app = await evaluateApp(stage, path.join(PLATFORM, `sst.config.app-${tag}.mjs`), childEnv);
    const outFile = path.join(work, "synthesis.json");
    const bundle = path.join(PLATFORM, `sst.config.mocks-${tag}.mjs`);
    await build({ ...sstBuildOptions(bundle), ...programOptions(app, work, dev) });
    try {
      await run(process.execPath, ["--no-warnings", bundle], {
        cwd: ROOT,
        env: processEnv({ ...childEnv, INFRA_SYNTH_OUT: outFile, INFRA_SYNTH_WORK: work }),
        maxBuffer: 16 * 1024 * 1024,
      });
    } finally {
      rmSync(bundle, { force: true });
    }
    const result = JSON.parse(readFileSync(outFile, "utf8")) as Omit<Synthesis, "app" | "resources"> & {
      resources: (Omit<MockResource, "publicInputs"> & { inputs: Record<string, unknown> })[];
      errors: string[];
    };
    if (result.errors.length > 0)
      throw new Error(`sst.config.ts failed under mocks:\n${result.errors.join("\n")}`);
    const resources = result.resources.map((r) => ({
      ...r,
      inputs: unwrapSecrets(r.inputs, (value) => value) as Record<string, unknown>,
      publicInputs: unwrapSecrets(r.inputs, () => "[secret]") as Record<string, unknown>,
    }));
    return { app, resources, outputs: result.outputs, builds: result.builds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A child's whole environment. Next's types make NODE_ENV required; the config needs none. */
function processEnv(variables: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return variables as NodeJS.ProcessEnv;
}

function unwrapSecrets(value: unknown, secret: (value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => unwrapSecrets(v, secret));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[SIG_KEY] === SECRET_SIG) return secret(unwrapSecrets(record.value, secret));
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v, secret)]));
}

/** Step one of the CLI: app() alone, with `$config` as the identity, and its defaults applied. */
async function evaluateApp(stage: string, outfile: string, env: NodeJS.ProcessEnv): Promise<AppConfig> {
  await build({
    ...sstBuildOptions(outfile),
    banner: { js: "function $config(input) { return input }" },
    stdin: {
      contents: `import mod from ${JSON.stringify(path.join(ROOT, "sst.config.ts"))};
        console.log("~j" + JSON.stringify(mod.app({ stage: ${JSON.stringify(stage)} })));`,
      resolveDir: ROOT,
      sourcefile: "eval.ts",
      loader: "ts",
    },
  });
  try {
    const { stdout } = await run(process.execPath, ["--no-warnings", outfile], { cwd: ROOT, env });
    const line = stdout.split("\n").find((l) => l.startsWith("~j"));
    if (!line) throw new Error(`app() printed no configuration:\n${stdout}`);
    const app = JSON.parse(line.slice(2)) as Partial<AppConfig> & { name: string; home: string };
    return { ...app, stage, removal: app.removal ?? "retain", protect: app.protect ?? false };
  } finally {
    rmSync(outfile, { force: true });
  }
}
