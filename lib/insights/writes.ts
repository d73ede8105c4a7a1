// The insights' writes: one `UpdateItem … ADD` on a random shard's day item per first view
// of a visitor's day, and one per download. No `import "server-only"`: the Pages API
// download route records downloads here too (the lint rule keeps components/ away).
import { randomInt } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as visits from "../visits/table";
import { OTHER, type Country, type Source } from "./source";
import * as table from "./table";

/**
 * Adds one to `source`'s counter (and to a country's), in a random shard's item for the
 * day. A value strangers choose (utm, referrer) is taken only if the shard has it already
 * or has room under the day's cap, checked by the same write: the write adds the value to
 * the shard's set of names and fails its condition when the set is full without it. Then,
 * and only then (nothing was written), the count goes to `other` in a second write.
 * Returns the source it was counted under.
 */
async function addUnderCap(
  day: string,
  source: Source,
  counter: (source: Source) => string,
  country?: Country,
): Promise<Source> {
  const key = table.insightsKey(randomInt(visits.shardCount()), day);
  const send = (counted: Source, capped: boolean) => {
    const names: Record<string, string> = { "#n": counter(counted) };
    const values: Record<string, unknown> = { ":one": 1 };
    const adds = ["#n :one"];
    if (country) {
      names["#c"] = table.countryAttribute(country);
      adds.push("#c :one");
    }
    if (capped) {
      names["#names"] = table.NAMES_ATTRIBUTE;
      values[":name"] = counted;
      values[":names"] = new Set([counted]);
      values[":cap"] = table.DAILY_SOURCE_CAP;
      adds.push("#names :names");
    }
    return visits.dynamoWrites.send(
      new UpdateCommand({
        TableName: visits.name(),
        Key: key,
        UpdateExpression: `ADD ${adds.join(", ")}`,
        ConditionExpression: capped
          ? "attribute_not_exists(#names) OR contains(#names, :name) OR size(#names) < :cap"
          : undefined,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  };
  if (!table.isCapped(source)) {
    await send(source, false);
    return source;
  }
  try {
    await send(source, true);
    return source;
  } catch (error) {
    if (!visits.conditionFailed(error)) throw error;
    await send(OTHER, false);
    return OTHER;
  }
}

/** Counts a visitor's first view of the day under its source and country. */
export function recordFirstView(day: string, source: Source, country: Country): Promise<Source> {
  return addUnderCap(day, source, table.visitorsAttribute, country);
}

/** Counts a completed download under the source of the visitor's first view that day (`direct` if none). */
export function recordSourceDownload(day: string, source: Source): Promise<Source> {
  return addUnderCap(day, source, table.downloadsAttribute);
}
