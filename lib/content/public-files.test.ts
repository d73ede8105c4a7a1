import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { portfolio } from "./index";

// The schema checks an image's path; this checks the shipped content's pictures exist,
// since next/image would otherwise render a broken picture without failing the build.
describe("the shipped content's pictures", () => {
  it.each(
    portfolio.projects.flatMap((project) => (project.image ? [[project.title, project.image.src]] : [])),
  )("%s: %s is in public/", (_, src) => {
    expect(existsSync(path.join("public", src))).toBe(true);
  });
});
