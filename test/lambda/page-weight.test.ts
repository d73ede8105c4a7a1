// What / sends, on the bundle: markup that travels once. A server component's output goes
// out twice, as HTML and again in React's payload for hydration (the self.__next_f
// scripts); the 30-day chart is a client component so that only its numbers go twice
// (docs/performance.md).
import { describe, expect, it } from "vitest";
import { bodyBytes, invoke } from "./invoke";

const FLIGHT = /<script[^>]*>self\.__next_f\.push\(.*?\)<\/script>/gs;

describe("the page / sends", () => {
  it("has the chart's 60 bars and 30-row table in its HTML, and not again in React's payload", async () => {
    const html = bodyBytes(await invoke("GET", "/")).toString();
    const payload = [...html.matchAll(FLIGHT)].map((match) => match[0]).join("");
    const markup = html.replace(FLIGHT, "");
    expect(markup.match(/class="bar-views"/g)).toHaveLength(30);
    expect(markup.match(/<th scope="row">\d{4}-\d\d-\d\d<\/th>/g)).toHaveLength(30);
    expect(payload.length).toBeGreaterThan(0);
    expect(payload).not.toContain("bar-views");
    expect(payload).not.toContain('\\"scope\\":\\"row\\"');
    // The numbers do travel in the payload, as the client component's props.
    expect(payload).toMatch(/\\"history\\":\[\{\\"day\\":\\"\d{4}-\d\d-\d\d\\"/);
  });
});
