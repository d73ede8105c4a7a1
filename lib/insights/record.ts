// The insights of a counted view or download, written beside the counters' own writes
// (lib/visits/writes.ts): never a round trip of their own on the request path. A failed
// insights write is logged and loses only that insight; the count stands.
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { DailyVisitor } from "../visits/salt";
import * as visits from "../visits/table";
import { DIRECT, type Source } from "./source";
import type { ViewSource } from "./view-source";
import { recordFirstView, recordSourceDownload } from "./writes";

/** The daily record's attribute that keeps the source of the visitor's first view that day. */
export const SOURCE_ATTRIBUTE = "source";

/**
 * A visitor's first view of the day: counted under its source (the attribution tag checked
 * against the owner's list, read beside the view's first writes if it was new to this
 * instance) and country. If the record kept another source than the check found (a tag
 * created a moment ago), the record is put right in the same round trip.
 */
export async function recordViewInsights(visitor: DailyVisitor, origin: ViewSource): Promise<void> {
  const source = await origin.resolved;
  const results = await Promise.allSettled([
    recordFirstView(visitor.day, source, origin.country),
    ...(source === origin.stored ? [] : [setRecordSource(visitor, source)]),
  ]);
  for (const result of results)
    if (result.status === "rejected") console.error("[insights] view not recorded:", result.reason);
}

/** A counted download: under the source its visitor's record kept, `direct` without one. */
export async function recordDownloadInsights(visitor: DailyVisitor, recorded: unknown): Promise<void> {
  const source = typeof recorded === "string" && recorded !== "" ? recorded : DIRECT;
  await recordSourceDownload(visitor.day, source).catch((error: unknown) =>
    console.error("[insights] download not recorded:", error),
  );
}

function setRecordSource(visitor: DailyVisitor, source: Source) {
  return visits.dynamoWrites.send(
    new UpdateCommand({
      TableName: visitor.legacy ? visits.name() : visits.dailyName(),
      Key: visits.visitorKey(visitor.day, visitor.id),
      UpdateExpression: "SET #source = :source",
      ExpressionAttributeNames: { "#source": SOURCE_ATTRIBUTE },
      ExpressionAttributeValues: { ":source": source },
    }),
  );
}
