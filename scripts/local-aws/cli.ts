/**
 * `npm run local-aws`: runs the embedded local AWS on its own.
 * Prints the environment the app needs as `export NAME='value'` lines on stdout, then
 * each identity's keys (logs go to stderr), and stays in the foreground until Ctrl-C.
 *
 *   npm run --silent local-aws > /tmp/aws.env &   # the last line, "# ready", marks the end
 *   source /tmp/aws.env                           # acts as the site role, as the app does
 *   AWS_ACCESS_KEY_ID=$LOCAL_AWS_OWNER_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$LOCAL_AWS_OWNER_SECRET_ACCESS_KEY aws …
 */
import { defaultDataDir, identityEnvironment } from "./environment";
import { startLocalAws } from "./stack";

const dataDir = defaultDataDir();
const stack = await startLocalAws({ dataDir });
const exportLine = (name: string, value: string) =>
  process.stdout.write(`export ${name}='${value.replaceAll("'", `'\\''`)}'\n`);

process.stdout.write(
  "# The app's environment: it signs as the site role, whose IAM policy the local AWS enforces.\n",
);
for (const [name, value] of Object.entries(stack.env)) exportLine(name, value);
process.stdout.write(
  "# Each identity's keys. Site role: what the deployed server may do. Contact API, contact retry, digest: what each\n" +
    "# of those functions may do. Owner: anything, like your own credentials under `sst shell`.\n",
);
for (const [name, value] of Object.entries(identityEnvironment())) exportLine(name, value);
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
