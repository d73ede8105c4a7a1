// The day's salt, which makes visitor ids (lib/visits/visitor.ts): 32 random bytes per
// UTC day, created by whichever request first needs it, kept in DailyVisitors (no
// point-in-time recovery) until the day's end plus the grace, then deleted by TTL, and
// cached per server instance for that day only. docs/visits.md has the privacy model.
// No `import "server-only"`: the Pages API download route identifies visitors too.
import { createHmac, randomBytes } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";
import * as table from "./table";
import { addressKey, visitorId } from "./visitor";

/**
 * A day's salt. `legacy`: the changeover day's, derived from the VisitorSalt secret as the
 * code before random salts did, so that day's earlier visitors are not counted twice.
 */
export type DaySalt = { day: string; key: Buffer; legacy: boolean };

/** Who a view or download is from: their daily id and their address's daily key. */
export type DailyVisitor = { day: string; id: string; address: string; legacy: boolean };

/** The day's id and address key of a client, under the day's salt. */
export async function dailyVisitor(
  clientIp: string,
  userAgent: string,
  now = new Date(),
): Promise<DailyVisitor> {
  const salt = await daySalt(now);
  return {
    day: salt.day,
    id: visitorId(salt.key, clientIp, userAgent, !salt.legacy),
    address: addressKey(salt.key, clientIp),
    legacy: salt.legacy,
  };
}

// This instance's copy: today's salt only. A new day drops the previous day's, and a
// timer drops a day's at its expiry even if no request comes.
const cached = new Map<string, Promise<DaySalt>>();

/** The salt of `now`'s UTC day: from memory, or from (or created in) DailyVisitors. */
export function daySalt(now = new Date()): Promise<DaySalt> {
  const day = table.utcDay(now);
  const hit = cached.get(day);
  if (hit) return hit;
  cached.clear();
  const salt = loadDaySalt(day, now);
  cached.set(day, salt);
  salt.catch(() => {
    if (cached.get(day) === salt) cached.delete(day);
  });
  const untilExpiry = Math.min(table.dayExpiry(day) * 1000 - Date.now(), 2 ** 31 - 1);
  setTimeout(() => cached.get(day) === salt && cached.delete(day), Math.max(untilExpiry, 0)).unref();
  return salt;
}

/**
 * Reads the day's salt, or creates it: one BatchGet (the salt, and today's month items of
 * the Visits table), then, only if there is no salt yet, one conditional write. Concurrent
 * first requests all propose one and all but one write fail their condition: they read
 * again and take the winner's. A stored salt past its `expiresAt` is treated as gone
 * (DynamoDB's TTL deletes lazily, up to about two days late) and replaced.
 */
export async function loadDaySalt(day: string, now = new Date()): Promise<DaySalt> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { stored, uniquesSoFar } = await readSalt(day, now);
    if (stored) return stored;
    // Uniques already counted today without a salt in DailyVisitors were counted by the
    // code before random salts: this is the changeover day, and its salt stays theirs.
    const proposal: DaySalt =
      uniquesSoFar > 0
        ? { day, key: legacySalt(day), legacy: true }
        : { day, key: randomBytes(32), legacy: false };
    try {
      await createSalt(proposal, now);
      return proposal;
    } catch (error) {
      // Another request created it first, or our write's answer was lost: read again.
      if (!table.conditionFailed(error) && !table.answerLost(error)) throw error;
    }
  }
  throw new Error(`could not agree on the salt of ${day}`);
}

async function readSalt(day: string, now: Date): Promise<{ stored?: DaySalt; uniquesSoFar: number }> {
  const months = Array.from({ length: table.shardCount() }, (_, shard) => table.monthKey(shard, day));
  const items = await table.batchGetAll({
    [table.dailyName()]: [table.saltKey(day)],
    [table.name()]: months,
  });
  const item = items[table.dailyName()]?.[0];
  const uniquesSoFar = (items[table.name()] ?? []).reduce(
    (sum, month) => sum + Number(month[table.dayAttribute("uniques", day)] ?? 0),
    0,
  );
  const live = item && Number(item[table.TTL_ATTRIBUTE]) > now.getTime() / 1000;
  if (!live) return { uniquesSoFar };
  return {
    stored: { day, key: Buffer.from(String(item.salt), "base64url"), legacy: item.legacy === true },
    uniquesSoFar,
  };
}

async function createSalt(salt: DaySalt, now: Date): Promise<void> {
  await table.dynamoWrites.send(
    new UpdateCommand({
      TableName: table.dailyName(),
      Key: table.saltKey(salt.day),
      UpdateExpression: "SET #salt = :salt, #legacy = :legacy, #expires = :expires",
      ConditionExpression: "attribute_not_exists(#salt) OR #expires <= :now",
      ExpressionAttributeNames: { "#salt": "salt", "#legacy": "legacy", "#expires": table.TTL_ATTRIBUTE },
      ExpressionAttributeValues: {
        ":salt": salt.key.toString("base64url"),
        ":legacy": salt.legacy,
        ":expires": table.dayExpiry(salt.day),
        ":now": Math.floor(now.getTime() / 1000),
      },
    }),
  );
}

/** The salt the code before random salts derived from the VisitorSalt secret. */
function legacySalt(day: string): Buffer {
  return createHmac("sha256", Resource.VisitorSalt.value).update(`visitor-salt:${day}`).digest();
}
