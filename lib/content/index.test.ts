import { afterEach, describe, expect, it, vi } from "vitest";
import { portfolio as example } from "./portfolio";

afterEach(() => {
  vi.doUnmock("./portfolio");
  vi.resetModules();
});

// app/layout.tsx imports this module, and `next build` evaluates the layout: a throw at
// import is what makes bad content fail the build.
describe("lib/content", () => {
  it("refuses to load invalid content, naming the file and the field", async () => {
    vi.doMock("./portfolio", () => ({
      portfolio: { ...example, contact: { ...example.contact, email: "nope" } },
    }));
    await expect(import("./index")).rejects.toThrow(
      /Invalid portfolio content in lib\/content\/portfolio\.ts[\s\S]*contact\.email/,
    );
  });

  it("loads the example content", async () => {
    const { portfolio } = await import("./index");
    expect(portfolio.name).toBe(example.name);
  });
});
