import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/browser";

// The config is evaluated again in every worker: choose the port and data folder once
// and hand them down through the environment.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .toString()
  .trim();
if (!process.env.E2E_DATA_DIR) {
  // A fresh local AWS for every run, so counts start from zero and old data cannot leak in.
  process.env.E2E_DATA_DIR = path.resolve(".data/e2e");
  rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Exactly what a newcomer runs: builds when needed, starts the embedded local AWS.
    command: "npm start",
    url: baseURL,
    env: { PORT: process.env.E2E_PORT, LOCAL_AWS_DATA_DIR: process.env.E2E_DATA_DIR },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
