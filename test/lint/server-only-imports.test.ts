import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();
const lintComponent = async (source: string) => {
  const [result] = await eslint.lintText(source, { filePath: "components/visitor-counter/probe.tsx" });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports");
};

// Modules the download route shares, so they cannot carry `import "server-only"`.
const UNGUARDED = [
  "lib/aws",
  "lib/observability/metrics",
  "lib/observability/request-log",
  "lib/resume/serve",
  "lib/resume/storage",
  "lib/visits/table",
  "lib/visits/visitor",
  "lib/visits/writes",
];

describe("the lint rule that keeps components/ to server-only modules", () => {
  it.each(UNGUARDED)("fails a component that imports %s", async (module) => {
    expect(readFileSync(`${module}.ts`, "utf8")).not.toMatch(/^import "server-only";$/m);
    const errors = await lintComponent(`import * as probe from "@/${module}";\nexport const p = probe;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain("is not server-only");
    expect(
      await lintComponent(`import * as probe from "../../${module}";\nexport const p = probe;\n`),
    ).toHaveLength(1);
  });

  it("lets components import server-only modules and plain content", async () => {
    const source = [
      'import { recordCurrentPageVisit } from "@/lib/visits/page-visit";',
      'import { portfolio } from "@/lib/content";',
      'import { formatCount } from "@/lib/format";',
      "export const p = [recordCurrentPageVisit, portfolio, formatCount];",
      "",
    ].join("\n");
    expect(await lintComponent(source)).toEqual([]);
  });
});
