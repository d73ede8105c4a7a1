/**
 * `npm run links -- add <tag> ["label"] | list | remove <tag>`
 *
 * The attribution links the owner shares (`/?via=<tag>`): locally on the running local
 * AWS (or one started for the command), deployed under `npx sst shell --stage <stage> --`.
 * They live in the Visits table, so a new link works at once, with no deploy.
 */
import { openVisitsSession } from "./visits-session";

const USAGE = `usage: npm run links -- add <tag> ["label"]   create a link; prints the URL to share
       npm run links -- list                  the links, oldest first
       npm run links -- remove <tag>          delete a link (its counts stay)`;

const [command, tag, ...label] = process.argv.slice(2);
if (!command || !["add", "list", "remove"].includes(command) || (command !== "list" && !tag)) {
  console.error(USAGE);
  process.exit(2);
}

const session = await openVisitsSession();
const { addLink, LinkError, listLinks, removeLink } = await import("../../lib/insights/links");
try {
  if (command === "add") {
    const link = await addLink(tag!, label.join(" "));
    console.log(`Created "${link.tag}"${link.label ? ` (${link.label})` : ""} in ${session.where}. Share:`);
    console.log(session.linkUrl(link.tag));
  } else if (command === "remove") {
    await removeLink(tag!);
    console.log(`Removed "${tag}" from ${session.where}; what it counted stays in npm run stats.`);
  } else {
    const links = await listLinks();
    if (links.length === 0)
      console.log(`No links in ${session.where} yet: npm run links -- add <tag> ["label"]`);
    for (const link of links)
      console.log(`${link.tag}\t${session.linkUrl(link.tag)}\t${link.created.slice(0, 10)}\t${link.label}`);
  }
} catch (error) {
  console.error(
    error instanceof LinkError ? error.message : `links ${command} failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
} finally {
  await session.close();
}
