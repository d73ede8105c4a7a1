/**
 * `npm run resume -- upload <file.pdf> | list | restore <versionId>`
 *
 * Manages the resume in the bucket: locally (the running local AWS, or one started
 * for the command), or the deployed bucket under `npx sst shell --stage <stage> --`.
 */
import { list, restore, upload } from "./commands";
import { openTarget } from "./target";
import { UsageError } from "./validate-pdf";

const USAGE = `usage: npm run resume -- upload <file.pdf>   upload a new resume (a new version)
       npm run resume -- list                show the stored versions
       npm run resume -- restore <versionId> make an old version current again`;

const [command, argument] = process.argv.slice(2);
const print = (line: string) => console.log(line);
const progress = (line: string) => console.error(line);

if (!command || !["upload", "list", "restore"].includes(command) || (command !== "list" && !argument)) {
  console.error(USAGE);
  process.exit(2);
}

let target;
try {
  target = await openTarget();
  if (command === "upload") await upload(target, argument!, print, progress);
  else if (command === "list") await list(target, print);
  else await restore(target, argument!, print);
} catch (error) {
  const name = (error as { name?: string }).name;
  if (error instanceof UsageError) console.error(error.message);
  else if (name === "NoSuchBucket") {
    console.error(
      `The bucket ${target?.bucket ?? ""} does not exist: deploy first (npx sst deploy), or run locally.`,
    );
  } else console.error(`resume ${command} failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await target?.close();
}
