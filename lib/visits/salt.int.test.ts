import { createHmac } from "node:crypto";
import { BatchGetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";
import { describe, expect, it } from "vitest";
import { ownerDynamo } from "@/test/support/owner-clients";
import { visitorOn } from "@/test/support/daily-visitor";
import { readShards } from "./reads";
import { dailyVisitor, daySalt, loadDaySalt } from "./salt";
import { dayExpiry, saltKey } from "./table";
import { visitorId } from "./visitor";
import { recordView } from "./writes";

// Inspecting and seeding the tables is the owner's: the site role may not.
const owner = ownerDynamo();
const UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

async function storedSalt(day: string): Promise<Record<string, unknown> | undefined> {
  const { Responses } = await owner.send(
    new BatchGetCommand({
      RequestItems: { [Resource.DailyVisitors.name]: { Keys: [saltKey(day)], ConsistentRead: true } },
    }),
  );
  return Responses?.[Resource.DailyVisitors.name]?.[0];
}

async function uniquesOn(day: string): Promise<number> {
  return (await readShards([day])).reduce((sum, shard) => sum + (shard.days.get(day)?.uniques ?? 0), 0);
}

// Days of their own (other files count on today and fixed past days), each test its own.
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

describe("the day's salt", () => {
  it("is one for 200 concurrent first requests of a new day, each reading and writing for itself", async () => {
    const day = "2031-05-01";
    // loadDaySalt skips the instance cache: 200 instances racing to create it.
    const salts = await Promise.all(Array.from({ length: 200 }, () => loadDaySalt(day, noonOf(day))));
    const keys = new Set(salts.map((salt) => salt.key.toString("hex")));
    expect(keys.size).toBe(1);
    expect(salts[0]!.key).toHaveLength(32);
    expect(salts.every((salt) => !salt.legacy)).toBe(true);
    const stored = await storedSalt(day);
    expect(Buffer.from(String(stored?.salt), "base64url").toString("hex")).toBe([...keys][0]);
    expect(stored?.expiresAt).toBe(dayExpiry(day));
  });

  it("is random: two days' salts are unrelated, and neither derives from the VisitorSalt secret", async () => {
    const [a, b] = await Promise.all(
      ["2031-05-02", "2031-05-03"].map((day) => loadDaySalt(day, noonOf(day))),
    );
    expect(a!.key.equals(b!.key)).toBe(false);
    const derived = createHmac("sha256", Resource.VisitorSalt.value)
      .update("visitor-salt:2031-05-02")
      .digest();
    expect(a!.key.equals(derived)).toBe(false);
  });

  it("is gone after its expiry: a stored salt past it is never used again, and is replaced", async () => {
    const day = "2031-05-04";
    const first = await loadDaySalt(day, noonOf(day));
    // DynamoDB's TTL deletes lazily (and the emulator not at all): the item is still there.
    const afterExpiry = new Date((dayExpiry(day) + 1) * 1000);
    const later = await loadDaySalt(day, afterExpiry);
    expect(later.key.equals(first.key)).toBe(false);
    expect(Buffer.from(String((await storedSalt(day))?.salt), "base64url").equals(later.key)).toBe(true);
  });

  it("is cached for its day only: a new day's request gets the new day's salt", async () => {
    const today = await daySalt(noonOf("2031-05-05"));
    expect(await daySalt(noonOf("2031-05-05"))).toBe(today);
    const tomorrow = await daySalt(noonOf("2031-05-06"));
    expect(tomorrow.day).toBe("2031-05-06");
    expect(tomorrow.key.equals(today.key)).toBe(false);
  });
});

describe("the changeover from secret-derived salts", () => {
  it("keeps the old salt and records for the day the old code already counted, then goes random", async () => {
    const day = "2031-06-01";
    // The old code counted this visitor today: its id from the secret-derived salt, its
    // record in the Visits table, a unique in the counters.
    const oldSalt = createHmac("sha256", Resource.VisitorSalt.value).update(`visitor-salt:${day}`).digest();
    const oldId = visitorId(oldSalt, "198.51.100.20", UA, false);
    await recordView({ ...visitorOn(day, oldId), legacy: true });
    expect(await uniquesOn(day)).toBe(1);

    const visitor = await dailyVisitor("198.51.100.20", UA, noonOf(day));
    expect(visitor).toMatchObject({ id: oldId, legacy: true });
    expect(await recordView(visitor)).toMatchObject({ newVisitor: false });
    expect(await uniquesOn(day)).toBe(1);

    // The next day nothing was counted before its salt: random, records in DailyVisitors.
    const next = await dailyVisitor("198.51.100.20", UA, noonOf("2031-06-02"));
    expect(next.legacy).toBe(false);
    expect(await recordView(next)).toMatchObject({ newVisitor: true });
  });

  it("stores no salt that outlives its day plus the grace", async () => {
    await owner.send(
      new PutCommand({
        TableName: Resource.DailyVisitors.name,
        Item: { ...saltKey("2031-06-03"), salt: "AAAA", legacy: false, expiresAt: 1 },
      }),
    );
    const salt = await loadDaySalt("2031-06-03", noonOf("2031-06-03"));
    expect(salt.key.toString("base64url")).not.toBe("AAAA");
    expect((await storedSalt("2031-06-03"))?.expiresAt).toBe(dayExpiry("2031-06-03"));
  });
});
