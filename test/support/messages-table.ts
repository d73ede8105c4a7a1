// Reads the Messages table whole, for tests that check what is (and is not) kept there.
// As the owner: no function's role may scan it.
import { paginateScan } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";
import { ownerDynamo } from "./owner-clients";

export async function messagesTable(): Promise<Record<string, unknown>[]> {
  const client = ownerDynamo();
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
