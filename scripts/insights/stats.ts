/**
 * `npm run stats [-- --days N] [--json]`
 *
 * The owner's report of the last 30 days (or N, 1-366): views, visitors and downloads per
 * day, top sources with their downloads, each attribution link, top countries. It reads
 * only the daily aggregates: locally on the running local AWS (or one started for the
 * command), deployed under `npx sst shell --stage <stage> --`.
 *
 * Run with `--conditions=react-server` (package.json) so `server-only` loads as on AWS.
 */
import { parseArgs } from "node:util";
import yoctoSpinner from "yocto-spinner";
import { openVisitsSession } from "./visits-session";

const USAGE = "usage: npm run stats [-- --days N] [--json]   (N: 1-366, default 30)";

let options;
try {
  options = parseArgs({
    options: { days: { type: "string", default: "30" }, json: { type: "boolean", default: false } },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const count = Number(options.days);
if (!Number.isInteger(count) || count < 1 || count > 366) {
  console.error(`--days must be a whole number from 1 to 366, not "${options.days}".\n${USAGE}`);
  process.exit(2);
}

const session = await openVisitsSession();
const [
  { readInsights },
  { listLinks },
  { lastDays, readShards, summarize },
  { buildReport },
  { reportText },
] = await Promise.all([
  import("../../lib/insights/reads"),
  import("../../lib/insights/links"),
  import("../../lib/visits/reads"),
  import("../../lib/insights/report"),
  import("../../lib/insights/report-text"),
]);
// On stderr, and only on a terminal: stdout stays the report (or the JSON) alone.
const interactive = process.stderr.isTTY;
const spinner = yoctoSpinner({ text: `Reading ${count} days from ${session.where}…` });
if (interactive) spinner.start();
try {
  const days = lastDays(new Date(), count);
  const [shards, insights, links] = await Promise.all([
    readShards(days),
    readInsights(days, (done, total) => {
      if (interactive) spinner.text = `Reading ${count} days from ${session.where}… ${done}/${total} items`;
    }),
    listLinks(),
  ]);
  const report = buildReport(summarize(days, shards).history, insights, links, session.linkUrl);
  spinner.stop();
  console.log(options.json ? JSON.stringify(report, null, 2) : reportText(report));
} catch (error) {
  spinner.stop();
  console.error(`stats failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await session.close();
}
