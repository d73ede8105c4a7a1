// The owner's attribution links (`?via=<tag>`), kept in one item of the Visits table so a
// new link needs no deploy: written by `npm run links` as the owner, read by the site.
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as visits from "../visits/table";
import { isTag } from "./source";
import * as table from "./table";

/** A bad tag or label, a duplicate, a missing link, a full list: said plainly, nothing changed. */
export class LinkError extends Error {
  override name = "LinkError";
}

/** The links, oldest first. */
export async function listLinks(): Promise<table.Link[]> {
  return table.linksOf(await readLinksItem());
}

/** Creates a link; refuses a bad tag or label, an existing tag and a full list. */
export async function addLink(tag: string, label: string, now = new Date()): Promise<table.Link> {
  if (!isTag(tag)) {
    throw new LinkError(
      `"${tag}" is not a tag: use 1-32 lowercase letters, digits and inner hyphens (acme, acme-staff-2026).`,
    );
  }
  const clean = label.trim();
  if (clean.length > table.MAX_LABEL || /[\p{Cc}]/u.test(clean)) {
    throw new LinkError(`The label must be one line of at most ${table.MAX_LABEL} characters.`);
  }
  const link = { tag, label: clean, created: now.toISOString() };
  try {
    await visits.dynamoWrites.send(
      new UpdateCommand({
        TableName: visits.name(),
        Key: table.LINKS_KEY,
        UpdateExpression: "SET #link = :link ADD #tags :tag",
        ConditionExpression:
          "attribute_not_exists(#link) AND (attribute_not_exists(#tags) OR size(#tags) < :max)",
        ExpressionAttributeNames: { "#link": table.linkAttribute(tag), "#tags": table.TAGS_ATTRIBUTE },
        ExpressionAttributeValues: {
          ":link": { label: link.label, created: link.created },
          ":tag": new Set([tag]),
          ":max": table.MAX_LINKS,
        },
      }),
    );
  } catch (error) {
    if (!visits.conditionFailed(error)) throw error;
    const exists = (await listLinks()).some((existing) => existing.tag === tag);
    throw new LinkError(
      exists
        ? `The link "${tag}" exists already (npm run links -- list).`
        : `There are ${table.MAX_LINKS} links already: remove one first.`,
    );
  }
  return link;
}

/** Removes a link. Counts made under it stay, under its tag. */
export async function removeLink(tag: string): Promise<void> {
  try {
    await visits.dynamoWrites.send(
      new UpdateCommand({
        TableName: visits.name(),
        Key: table.LINKS_KEY,
        UpdateExpression: "REMOVE #link DELETE #tags :tag",
        ConditionExpression: "attribute_exists(#link)",
        ExpressionAttributeNames: { "#link": table.linkAttribute(tag), "#tags": table.TAGS_ATTRIBUTE },
        ExpressionAttributeValues: { ":tag": new Set([tag]) },
      }),
    );
  } catch (error) {
    if (!visits.conditionFailed(error)) throw error;
    throw new LinkError(`There is no link "${tag}" (npm run links -- list).`);
  }
}

/** The links item, with BatchGetItem: the one read the site's role already has on the table. */
export async function readLinksItem(): Promise<Record<string, unknown> | undefined> {
  return (await visits.batchGetAll({ [visits.name()]: [table.LINKS_KEY] }))[visits.name()]?.[0];
}

let known: Set<string> | undefined;
let reading: Promise<Set<string>> | undefined;

/**
 * Whether `tag` is one of the owner's attribution tags, as this server instance last read
 * them. A tag it does not know makes it read them again (one read at a time, shared): a
 * link created a moment ago works on its first click, and a stranger's made-up tag costs
 * one small read, never a write. Started beside the view's other calls, so it adds no
 * round trip to the view.
 */
export async function isKnownTag(tag: string): Promise<boolean> {
  if (known?.has(tag)) return true;
  reading ??= readLinksItem()
    .then((item) => (known = new Set(table.linksOf(item).map((link) => link.tag))))
    .finally(() => (reading = undefined));
  return (await reading).has(tag);
}

/** Whether this instance knows `tag` already, without reading. */
export const knownTagNow = (tag: string): boolean => known?.has(tag) ?? false;
