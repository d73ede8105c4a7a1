import { describe, expect, it } from "vitest";
import { readShards } from "./reads";
import { type PageVisit, recordPageVisit } from "./page-visit";
import { addressCap } from "./table";

const browser = (i: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.${i}.0.0 Safari/537.36`;

// A day of each test's own, so other files' counts and the instance's salt of today do
// not mix in (each day gets its own random salt).
async function dayTotals(day: string) {
  const shards = await readShards([day]);
  const sum = (key: "views" | "uniques") =>
    shards.reduce((total, shard) => total + (shard.days.get(day)?.[key] ?? 0), 0);
  return { views: sum("views"), uniques: sum("uniques") };
}

async function views(day: string, requests: { ip: string; ua: string }[]) {
  const at = new Date(`${day}T12:00:00Z`);
  const results: PageVisit["view"][] = [];
  // In batches: the emulator shares this process's two cores with the test.
  for (let i = 0; i < requests.length; i += 50) {
    results.push(
      ...(await Promise.all(
        requests.slice(i, i + 50).map(async ({ ip, ua }) => {
          const visit = await recordPageVisit(
            {
              method: "GET",
              headers: new Headers({ "user-agent": ua, "x-forwarded-for": ip }),
              behindCloudFront: false,
            },
            at,
          );
          if (visit.error) throw visit.error;
          return visit.view;
        }),
      )),
    );
  }
  return results;
}

describe("the per-address cap on new unique visitors", () => {
  it("is 20 by default", () => {
    expect(addressCap({})).toBe(20);
    expect(addressCap({ VISITS_ADDRESS_CAP: "5" })).toBe(5);
    expect(() => addressCap({ VISITS_ADDRESS_CAP: "0" })).toThrow(/VISITS_ADDRESS_CAP/);
  });

  it("counts 1,000 user agents from one address as 1,000 views and at most the cap in uniques", async () => {
    const day = "2031-07-01";
    const result = await views(
      day,
      Array.from({ length: 1_000 }, (_, i) => ({ ip: "198.51.100.1", ua: browser(i) })),
    );
    expect(await dayTotals(day)).toEqual({ views: 1_000, uniques: addressCap() });
    // Every refused new visitor is one trigger of the cap's metric.
    expect(result.filter((view) => view && view.capped)).toHaveLength(1_000 - addressCap());
  });

  it("caps each address on its own", async () => {
    const day = "2031-07-02";
    await views(
      day,
      ["198.51.100.2", "198.51.100.3"].flatMap((ip) =>
        Array.from({ length: 30 }, (_, i) => ({ ip, ua: browser(i) })),
      ),
    );
    expect(await dayTotals(day)).toEqual({ views: 60, uniques: 2 * addressCap() });
  });

  it("caps an IPv6 /64 with rotating addresses as one address", async () => {
    const day = "2031-07-03";
    await views(
      day,
      Array.from({ length: 60 }, (_, i) => ({ ip: `2001:db8:7:7:${i.toString(16)}::1`, ua: browser(i) })),
    );
    expect(await dayTotals(day)).toEqual({ views: 60, uniques: addressCap() });
  });

  it("lets visitors the cap admitted keep counting their views, and never as new again", async () => {
    const day = "2031-07-04";
    const first = await views(day, [{ ip: "198.51.100.4", ua: browser(1) }]);
    const again = await views(day, [{ ip: "198.51.100.4", ua: browser(1) }]);
    expect(first).toEqual([{ newVisitor: true, capped: false }]);
    expect(again).toEqual([{ newVisitor: false, capped: false }]);
  });
});
