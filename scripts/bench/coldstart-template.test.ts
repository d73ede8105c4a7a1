import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Manifest = { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Manifest;
const root = read("package.json");
const template = read(path.join(import.meta.dirname, "coldstart-template/package.json"));

// The cold-start comparison is only fair if both bundles hold the same framework and SDK.
describe("the cold-start baseline template", () => {
  it("pins next, react, the DynamoDB SDK and OpenNext to this app's versions", () => {
    for (const [name, version] of Object.entries(template.dependencies)) {
      expect(`${name}@${version}`).toBe(`${name}@${root.dependencies[name]}`);
    }
    expect(template.devDependencies["@opennextjs/aws"]).toBe(root.devDependencies["@opennextjs/aws"]);
    expect(Object.keys(template.dependencies)).toContain("next");
  });
});
