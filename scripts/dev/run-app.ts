/**
 * `npm run dev` and `npm start`: runs Next.js against the embedded local AWS, or
 * against the real resources when `sst dev` already provides links.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";
import { defaultDataDir, sstLinksPresent } from "../local-aws/environment";
import { type LocalAws, startLocalAws } from "../local-aws/stack";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: run-app.ts dev|start");
  process.exit(2);
}
if (mode === "start") buildIfNeeded();

let stack: LocalAws | undefined;
if (sstLinksPresent()) {
  console.error("SST links found: using the resources `sst dev` provides.");
} else {
  const dataDir = defaultDataDir();
  stack = await startLocalAws({ dataDir });
  console.error(
    `Local AWS ready (data in ${dataDir}): DynamoDB ${stack.env.AWS_ENDPOINT_URL_DYNAMODB}, S3 ${stack.env.AWS_ENDPOINT_URL_S3} ` +
      "(the app signs as the server's role; the local AWS refuses what that role may not do)",
  );
  console.error(`Mail the site sends (contact messages, digests): ${stack.env.AWS_ENDPOINT_URL_SESV2}/`);
}

const next = spawn(process.execPath, [path.join("scripts", "dev", "next-server.mjs"), mode], {
  stdio: "inherit",
  env: { ...process.env, ...stack?.env },
});

// Ctrl-C reaches Next directly (same process group); a signal sent only to this
// process (a test runner, a supervisor) is passed on. Either way the emulators stop
// after Next has exited.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on("exit", (code, signal) => {
  void (stack?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? (signal ? 1 : 0)));
});
