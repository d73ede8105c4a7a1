/**
 * `npm run local-aws`: runs the embedded local AWS on its own.
 * Prints the environment the app needs as `export NAME='value'` lines on stdout
 * (logs go to stderr), then stays in the foreground until Ctrl-C.
 *
 *   npm run --silent local-aws > /tmp/aws.env &   # the last line, "# ready", marks the end
 *   source /tmp/aws.env
 */
import { defaultDataDir } from "./environment";
import { startLocalAws } from "./stack";

const dataDir = defaultDataDir();
const stack = await startLocalAws({ dataDir });
for (const [name, value] of Object.entries(stack.env)) {
  process.stdout.write(`export ${name}='${value.replaceAll("'", `'\\''`)}'\n`);
}
process.stdout.write("# ready\n");
console.error(`local AWS is running (data in ${dataDir}); press Ctrl-C to stop.`);
console.error(
  `Read the mail the app sends at ${stack.env.AWS_ENDPOINT_URL_SESV2}/ (the SES emulator's inbox).`,
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().then(() => process.exit(0));
  });
}
