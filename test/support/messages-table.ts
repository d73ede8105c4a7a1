// Reads the Messages table whole, for tests that check what is (and is not) kept there.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";

export async function messagesTable(): Promise<Record<string, unknown>[]> {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  try {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({ TableName: Resource.Messages.name, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  } finally {
    db.destroy();
  }
}

/** The stored message whose text contains `marker` (while its content is still kept). */
export async function messageWith(marker: string): Promise<Record<string, unknown> | undefined> {
  return (await messagesTable()).find((item) => String(item.message ?? "").includes(marker));
}
