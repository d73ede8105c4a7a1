import "server-only";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { cache } from "react";
import { Resource } from "sst";
import { dynamo } from "./aws";

export type VisitCount = { status: "ok"; count: number } | { status: "unavailable" };

const TOTAL_KEY = { pk: "views", sk: "total" };

/** Adds one to the total in a single atomic UpdateItem and returns the new total. */
export async function incrementVisits(): Promise<number> {
  const { Attributes } = await dynamo.send(
    new UpdateCommand({
      TableName: Resource.Visits.name,
      Key: TOTAL_KEY,
      UpdateExpression: "ADD #count :one",
      ExpressionAttributeNames: { "#count": "count" },
      ExpressionAttributeValues: { ":one": 1 },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  const count: unknown = Attributes?.count;
  if (typeof count !== "number") throw new Error("UpdateItem returned no count");
  return count;
}

/**
 * Counts the current request once. React's cache() scopes the memo to one server
 * render, so however many components ask, a request adds exactly one.
 * A failing counter never breaks the page: it reports "unavailable" and logs why.
 */
export const countVisit = cache(async (): Promise<VisitCount> => {
  try {
    return { status: "ok", count: await incrementVisits() };
  } catch (error) {
    console.error("[visits] counter unavailable:", error);
    return { status: "unavailable" };
  }
});
