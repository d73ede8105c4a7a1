import { afterEach, describe, expect, it, vi } from "vitest";
import { addLink, isKnownTag, LinkError, listLinks, removeLink } from "./links";
import { readInsights } from "./reads";
import { DAILY_SOURCE_CAP, MAX_LINKS } from "./table";
import { recordFirstView, recordSourceDownload } from "./writes";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("insights against the DynamoDB emulator", () => {
  it("holds the daily cap of distinct referrers and utm values: the rest count as other, none lost", async () => {
    vi.stubEnv("VISIT_SHARDS", "1");
    const day = "2031-01-05";
    const extra = 12;
    const counted = await Promise.all(
      Array.from({ length: DAILY_SOURCE_CAP + extra }, (_, i) =>
        recordFirstView(day, i % 2 ? `ref:site-${i}.example` : `utm:campaign-${i}`, "FR"),
      ),
    );
    // Tags, direct and countries are never capped.
    await recordFirstView(day, "via:acme", "GB");
    await recordFirstView(day, "direct", "GB");
    // A value the shard took already still counts under its name once the shard is full.
    const kept = counted.find((source) => source !== "other")!;
    expect(await recordFirstView(day, kept, "FR")).toBe(kept);
    expect(await recordSourceDownload(day, kept)).toBe(kept);
    expect(await recordSourceDownload(day, "ref:latecomer.example")).toBe("other");

    expect(counted.filter((source) => source === "other")).toHaveLength(extra);
    const [insights] = await readInsights([day]);
    const named = [...insights!.sources.keys()].filter((source) => /^(ref|utm):/.test(source));
    expect(named).toHaveLength(DAILY_SOURCE_CAP);
    expect(insights!.sources.get("other")).toEqual({ visitors: extra, downloads: 1 });
    expect(insights!.sources.get(kept)).toEqual({ visitors: 2, downloads: 1 });
    expect(insights!.sources.get("via:acme")).toEqual({ visitors: 1, downloads: 0 });
    expect(insights!.sources.get("direct")).toEqual({ visitors: 1, downloads: 0 });
    const visitors = [...insights!.sources.values()].reduce((sum, { visitors }) => sum + visitors, 0);
    expect(visitors).toBe(DAILY_SOURCE_CAP + extra + 3);
    expect(Object.fromEntries(insights!.countries)).toEqual({ FR: DAILY_SOURCE_CAP + extra + 1, GB: 2 });
  });

  it("sums a day's shards exactly, and shows the day's cap however many shards took values", async () => {
    vi.stubEnv("VISIT_SHARDS", "8");
    const day = "2031-01-06";
    await Promise.all(
      Array.from({ length: 400 }, (_, i) => recordFirstView(day, `ref:s${i % 80}.example`, "unknown")),
    );
    const [insights] = await readInsights([day]);
    const named = [...insights!.sources.keys()].filter((source) => source.startsWith("ref:"));
    expect(named.length).toBe(DAILY_SOURCE_CAP);
    const visitors = [...insights!.sources.values()].reduce((sum, { visitors }) => sum + visitors, 0);
    expect(visitors).toBe(400);
    expect(insights!.countries.get("unknown")).toBe(400);
  });
});

describe("attribution links in the table", () => {
  it("are added, listed, known to the site at once, and removed; bad input changes nothing", async () => {
    await addLink("int-links-acme", "Acme, Staff Engineer application");
    expect(await isKnownTag("int-links-acme")).toBe(true);
    expect(await isKnownTag("int-unknown")).toBe(false);
    await expect(addLink("int-links-acme", "again")).rejects.toThrow(/exists already/);
    await expect(addLink("Not A Tag", "x")).rejects.toBeInstanceOf(LinkError);
    await expect(addLink("int-long", "x".repeat(101))).rejects.toThrow(/at most 100/);
    await expect(removeLink("int-missing")).rejects.toThrow(/no link "int-missing"/);
    expect((await listLinks()).find((link) => link.tag === "int-links-acme")).toMatchObject({
      label: "Acme, Staff Engineer application",
    });

    // A link added after the site read the list is known on its first use.
    await addLink("int-links-later", "");
    expect(await isKnownTag("int-links-later")).toBe(true);

    await removeLink("int-links-acme");
    await removeLink("int-links-later");
    expect((await listLinks()).map((link) => link.tag)).not.toContain("int-links-acme");
  });

  it(`stop at ${MAX_LINKS}`, async () => {
    const existing = (await listLinks()).length;
    const tags = Array.from({ length: MAX_LINKS - existing }, (_, i) => `int-many-${i}`);
    for (const tag of tags) await addLink(tag, "");
    await expect(addLink("int-one-too-many", "")).rejects.toThrow(`There are ${MAX_LINKS} links already`);
    for (const tag of tags) await removeLink(tag);
    await addLink("int-one-too-many", "");
    await removeLink("int-one-too-many");
  });
});
