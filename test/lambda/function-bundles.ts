// Builds the Lambda functions beside the site as `sst deploy` does (esbuild with the
// options of SST's Node.js runtime, pkg/runtime/node/build.go, and the functions'
// settings from infra/function-build.ts), so the contract tests invoke the code AWS runs.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { ESBUILD_CONDITIONS, HANDLERS } from "../../infra/function-build";
import { roleEnvironment } from "../../scripts/local-aws/identities";
import { ROOT, sstBuildOptions } from "../infra/sst-bundle";

export type Invocable = (event: unknown, context?: object) => Promise<unknown>;

const outDir = mkdtempSync(path.join(tmpdir(), "portfolio-functions-"));

/**
 * Bundles one function and imports its handler, as Lambda loads it on a cold start. Each
 * invocation runs with the function's role's keys in the environment, as Lambda gives a
 * function its role's: a bundle's clients read them on their first call and keep them.
 */
export async function loadFunction(name: keyof typeof HANDLERS): Promise<Invocable> {
  const spec = HANDLERS[name];
  const dot = spec.lastIndexOf(".");
  const outfile = path.join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [path.join(ROOT, `${spec.slice(0, dot)}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    mainFields: ["module", "main"],
    conditions: ESBUILD_CONDITIONS,
    keepNames: true,
    minify: true,
    // SST's ESM banner: require, __filename and __dirname for bundled CommonJS packages.
    banner: sstBuildOptions(outfile).banner,
    external: ["sharp", "pg-native"],
    logLevel: "silent",
  });
  const exported = (await import(outfile)) as Record<string, Invocable>;
  const handler = exported[spec.slice(dot + 1)];
  if (!handler) throw new Error(`${outfile} exports no ${spec.slice(dot + 1)}`);
  return (event, context) => {
    Object.assign(process.env, roleEnvironment(name));
    return handler(event, context);
  };
}
