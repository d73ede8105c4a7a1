import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: {
    "@": root,
    "server-only": path.join(root, "test/support/empty-module.ts"),
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["{lib,components,scripts,functions}/**/*.test.{ts,tsx}", "test/lint/**/*.test.ts"],
          exclude: ["**/*.int.test.{ts,tsx}"],
        },
      },
      {
        resolve,
        test: {
          name: "integration",
          fileParallelism: false,
          include: ["{lib,components,scripts,functions}/**/*.int.test.{ts,tsx}"],
          globalSetup: ["test/support/local-aws-setup.ts"],
          setupFiles: ["test/support/local-aws-env.ts"],
          testTimeout: 30_000,
        },
      },
      {
        resolve,
        test: {
          name: "lambda",
          // Files compare counts before and after their requests against one shared
          // local AWS: run them one at a time so they never see each other's traffic.
          fileParallelism: false,
          include: ["test/lambda/**/*.test.ts"],
          // Builds the OpenNext bundle first (skipped when sources are unchanged).
          globalSetup: ["test/lambda/build-bundle.ts", "test/support/local-aws-setup.ts"],
          setupFiles: ["test/support/local-aws-env.ts", "test/lambda/lambda-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Load the built bundle as Node would, untouched by Vite's transforms.
          server: { deps: { external: [/\/\.open-next\//] } },
        },
      },
      {
        resolve,
        test: {
          name: "reliability",
          // Each file starts the site as `npm start` runs it (building it when needed)
          // and drives load or faults through it: in a group of its own (groupOrder), one
          // file at a time, so no other test shares the two cores or sees a stopped emulator.
          include: ["test/reliability/**/*.test.ts"],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve,
        test: {
          name: "infra",
          include: ["test/infra/**/*.test.ts"],
          // sst.config.ts reads the OpenNext build output, as `sst deploy` does after building;
          // then it runs once per scenario under Pulumi mocks, shared by every test file.
          globalSetup: ["test/lambda/build-bundle.ts", "test/infra/synthesize-setup.ts"],
        },
      },
    ],
  },
});
