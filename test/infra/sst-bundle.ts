// The esbuild settings of the sst CLI (pkg/js/js.go and pkg/project/stack.go in the sst
// repository), so the config runs bundled exactly as `sst deploy` and `sst dev` run it.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BuildOptions, Plugin } from "esbuild";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const PLATFORM = path.join(ROOT, ".sst/platform");

export type AppConfig = { name: string; stage: string; removal: string; protect: boolean; home: string };

/** The esbuild options of the CLI's js.Build (pkg/js/js.go). */
export function sstBuildOptions(outfile: string): BuildOptions {
  return {
    banner: {
      js: [
        `import { createRequire as topLevelCreateRequire } from 'module';`,
        `const require = topLevelCreateRequire(import.meta.url);`,
        `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
        `const __filename = topLevelFileUrlToPath(import.meta.url)`,
        `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
      ].join("\n"),
    },
    mainFields: ["module", "main"],
    format: "esm",
    platform: "node",
    nodePaths: [path.join(PLATFORM, "node_modules")],
    external: [
      "@pulumi/*",
      "undici",
      "@pulumiverse/*",
      "@sst-provider/*",
      "@aws-sdk/*",
      "esbuild",
      "archiver",
      "glob",
      "vite",
    ],
    outfile,
    write: true,
    bundle: true,
    logLevel: "silent",
  };
}

/** Step two: run() inside Pulumi's mocks, with the CLI's defines, injected shim and provider globals. */
export function programOptions(app: AppConfig, work: string, dev: boolean): BuildOptions {
  const cli = {
    command: dev ? "dev" : "deploy",
    dev,
    paths: { home: work, root: ROOT, work, platform: PLATFORM },
    state: { version: {} },
  };
  const appDefine = { ...app, providers: { [app.home]: {} } };
  return {
    define: { $app: JSON.stringify(appDefine), $cli: JSON.stringify(cli), $dev: String(dev) },
    inject: [path.join(PLATFORM, "src/shim/run.js")],
    plugins: [injectProviderGlobals()],
    stdin: {
      contents: [
        `import { runUnderMocks } from ${JSON.stringify(path.join(import.meta.dirname, "program/mock-program.ts"))};`,
        `import { run } from ${JSON.stringify(path.join(PLATFORM, "src/auto/run.ts"))};`,
        `import mod from ${JSON.stringify(path.join(ROOT, "sst.config.ts"))};`,
        `await runUnderMocks(() => run(mod.run));`,
      ].join("\n"),
      resolveDir: ROOT,
      sourcefile: "eval.ts",
      loader: "ts",
    },
  };
}

/** The CLI's InjectGlobals plugin: `aws` and `sst` in scope in every file outside .sst/. */
function injectProviderGlobals(): Plugin {
  const lock = JSON.parse(readFileSync(path.join(ROOT, ".sst/provider-lock.json"), "utf8")) as {
    alias: string;
    package: string;
  }[];
  const globals = [
    ...lock.map((p) => `import * as ${p.alias} from "${p.package}";`),
    `import * as sst from "${path.join(PLATFORM, "src/components")}";`,
  ].join("\n");
  return {
    name: "InjectGlobals",
    setup(b) {
      b.onLoad({ filter: /\.(js|ts|jsx|tsx)$/ }, (args) => {
        const contents = readFileSync(args.path, "utf8");
        return {
          contents: args.path.includes(".sst") ? contents : `${globals}\n${contents}`,
          loader: path.extname(args.path).slice(1) as "js" | "ts" | "jsx" | "tsx",
        };
      });
    },
  };
}
