// Reads the Messages table whole, for tests that check what is (and is not) kept there.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";

export async function messagesTable(): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const items: Record<string, unknown>[] = [];
  try {
    for await (const page of paginateScan({ client }, { TableName: Resource.Messages.name }))
      items.push(...(page.Items ?? []));
  } finally {
    client.destroy();
  }
  return items;
}

/** The stored message whose text contains `marker` (while its content is still kept). */
export async function messageWith(marker: string): Promise<Record<string, unknown> | undefined> {
  return (await messagesTable()).find((item) => String(item.message ?? "").includes(marker));
}
