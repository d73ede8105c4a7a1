import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// Modules any component may import: content, formatting and header names, no AWS or Node I/O.
const SAFE_FOR_COMPONENTS = [
  "lib/contact/form.ts",
  "lib/content/",
  "lib/fonts.ts",
  "lib/format.ts",
  "lib/person-json-ld.ts",
  "lib/request-headers.ts",
  "lib/security-headers.ts",
];

/**
 * The lib/ modules without `import "server-only"`: the ones the Pages API download route
 * shares (Pages bundles reject that marker), and their helpers. A component importing one
 * would carry SDK clients towards client bundles with nothing to stop it, so components
 * may not; a new module is covered as soon as it exists.
 */
function unguardedModules(dir = "lib") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return unguardedModules(file);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    if (SAFE_FOR_COMPONENTS.some((safe) => file.startsWith(safe))) return [];
    return /^import "server-only";$/m.test(readFileSync(file, "utf8")) ? [] : [file.replace(/\.tsx?$/, "")];
  });
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: unguardedModules().map((module) => ({
            regex: `^(@/|(\\.\\./)+)${escape(module)}(\\.tsx?)?$`,
            message: `${module} is not server-only (the Pages API download route shares it): components import server-only modules, or move the code.`,
          })),
        },
      ],
    },
  },
  {
    // SST loads its global types ($config, sst.*) through this reference, by design.
    files: ["sst.config.ts"],
    rules: { "@typescript-eslint/triple-slash-reference": "off" },
  },
  globalIgnores([
    ".next/**",
    ".open-next/**",
    ".sst/**",
    ".data/**",
    ".bench/**",
    "next-env.d.ts",
    "sst-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
