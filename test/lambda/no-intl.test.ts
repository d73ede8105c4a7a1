// The first Intl formatter a process creates loads ICU's locale data: about 17 ms of a
// Lambda cold start, for a "5,000" or an "Apr 2022" that lib/format.ts writes out by
// hand (docs/performance.md). Checked on the bundle: serving / asks nothing of Intl.
import { afterAll, describe, expect, it } from "vitest";
import { invoke } from "./invoke";

const calls: string[] = [];
const restore: (() => void)[] = [];

function watch<T extends object>(owner: T, key: keyof T & string, label: string) {
  const original = owner[key] as unknown as (...args: unknown[]) => unknown;
  const watched = function (this: unknown, ...args: unknown[]) {
    calls.push(label);
    return new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args);
  };
  Object.defineProperty(owner, key, { value: watched, configurable: true, writable: true });
  restore.push(() =>
    Object.defineProperty(owner, key, { value: original, configurable: true, writable: true }),
  );
}

watch(Intl, "NumberFormat", "Intl.NumberFormat");
watch(Intl, "DateTimeFormat", "Intl.DateTimeFormat");
watch(Intl, "PluralRules", "Intl.PluralRules");
watch(Number.prototype, "toLocaleString", "Number#toLocaleString");
watch(Date.prototype, "toLocaleString", "Date#toLocaleString");
watch(Date.prototype, "toLocaleDateString", "Date#toLocaleDateString");
afterAll(() => restore.forEach((undo) => undo()));

describe("the first view of / on a new instance", () => {
  it("creates no Intl formatter, in the import or the render", async () => {
    const result = await invoke("GET", "/");
    expect(result.statusCode).toBe(200);
    expect(calls).toEqual([]);
  });
});
