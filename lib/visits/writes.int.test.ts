import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { pointAt } from "@/test/support/endpoint";
import { visitorOn } from "@/test/support/daily-visitor";

/**
 * A proxy to the DynamoDB emulator that forwards the first request whose body matches,
 * lets it be applied, and never answers it: the client sees a timeout for a write that
 * happened.
 */
async function losingFirstAnswer(upstream: string, matches: (body: string) => boolean) {
  let lost = 0;
  const target = new URL(upstream);
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const swallow = lost === 0 && matches(body.toString());
    if (swallow) lost++;
    const forward = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        if (swallow) return void answer.resume(); // applied upstream; the client never hears
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lost: () => lost,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe("the dedup write when its answer is lost", () => {
  it("is sent again and still finds its own token, so the visitor counts once, as new", async () => {
    const proxy = await losingFirstAnswer(process.env.AWS_ENDPOINT_URL_DYNAMODB!, (body) =>
      body.includes('"visitor#'),
    );
    try {
      pointAt("DYNAMODB", proxy.url);
      const { recordView } = await import("./writes");
      const { readShards } = await import("./reads");
      const day = "2026-01-15";
      const dayTotals = async () => {
        const shards = await readShards([day]);
        const sum = (key: "views" | "uniques") =>
          shards.reduce((total, shard) => total + (shard.days.get(day)?.[key] ?? 0), 0);
        return { views: sum("views"), uniques: sum("uniques") };
      };
      const before = await dayTotals();

      expect(await recordView(visitorOn(day, "visitor-whose-answer-was-lost"))).toMatchObject({
        newVisitor: true,
      });
      expect(proxy.lost()).toBe(1);
      expect(await recordView(visitorOn(day, "visitor-whose-answer-was-lost"))).toMatchObject({
        newVisitor: false,
      });

      const after = await dayTotals();
      expect(after.uniques - before.uniques).toBe(1);
      expect(after.views - before.views).toBe(2);
    } finally {
      await proxy.close();
    }
  });
});

describe("a first visit when a view ADD beside it loses its answer", () => {
  it("still records the unique, then reports the failure", async () => {
    const proxy = await losingFirstAnswer(
      process.env.AWS_ENDPOINT_URL_DYNAMODB!,
      (body) =>
        // The ADD on the lifetime total, not the reads of it.
        body.includes('"S":"total"') && body.includes("UpdateExpression"),
    );
    try {
      pointAt("DYNAMODB", proxy.url);
      const { recordView } = await import("./writes");
      const { readShards } = await import("./reads");
      const day = "2026-01-16";
      const uniques = async () =>
        (await readShards([day])).reduce((sum, shard) => sum + (shard.days.get(day)?.uniques ?? 0), 0);
      const before = await uniques();

      await expect(recordView(visitorOn(day, "visitor-beside-a-lost-add"))).rejects.toThrow();
      expect(proxy.lost()).toBe(1);
      expect(await uniques()).toBe(before + 1);
    } finally {
      await proxy.close();
    }
  });
});
