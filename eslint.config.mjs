import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
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
