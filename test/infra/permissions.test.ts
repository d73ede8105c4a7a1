import { describe, expect, it } from "vitest";
import { HANDLERS } from "../../infra/function-build";
import { ROLE_GRANTS, type Role } from "../../infra/permissions";
import { actionsOf, commandsIn, siteEntries } from "./code-actions";

const grantedTo = (...roles: Role[]): string[] =>
  [
    ...new Set(roles.flatMap((role) => ROLE_GRANTS[role].flatMap((grant): string[] => [...grant.actions]))),
  ].sort();
const entryOf = (handler: string) => `${handler.slice(0, handler.lastIndexOf("."))}.ts`;

// Each role's code, and the roles whose grants that code runs with. The site's code
// includes the download alert, whose grants it holds only when the alert is on.
const ROLE_CODE: { name: string; entries: () => string[]; roles: Role[] }[] = [
  { name: "the Next.js server", entries: siteEntries, roles: ["site", "downloadAlert"] },
  { name: "the download alert", entries: () => ["lib/alerts/download-alert.ts"], roles: ["downloadAlert"] },
  { name: "the contact API", entries: () => [entryOf(HANDLERS.contactApi)], roles: ["contactApi"] },
  { name: "the retry job", entries: () => [entryOf(HANDLERS.contactRetry)], roles: ["contactRetry"] },
  { name: "the digest", entries: () => [entryOf(HANDLERS.digest)], roles: ["digest"] },
];

describe("infra/permissions.ts against the code each role runs", () => {
  it.each(ROLE_CODE)("$name calls exactly the actions its role grants", async ({ entries, roles }) => {
    const commands = await commandsIn(entries());
    // The scan would be worthless if it found nothing: every one of these calls AWS.
    expect(commands.size).toBeGreaterThan(0);
    for (const command of commands.keys())
      expect(actionsOf(command), `${command} is missing from this test's table`).not.toEqual([]);
    const needed = [...new Set([...commands.keys()].flatMap(actionsOf))].sort();
    expect(needed).toEqual(grantedTo(...roles));
  });

  it("would notice a command the role does not grant", async () => {
    const commands = await commandsIn([entryOf(HANDLERS.contactApi)]);
    const needed = [...commands.keys()].flatMap(actionsOf);
    // The digest's role lacks PutItem, which the contact API's code needs.
    expect(needed.filter((action) => !grantedTo("digest").includes(action))).toContain("dynamodb:PutItem");
  });

  it("names single actions, never a wildcard", () => {
    for (const action of grantedTo(...(Object.keys(ROLE_GRANTS) as Role[])))
      expect(action).toMatch(/^(dynamodb|s3|ses):[A-Z][A-Za-z]+$/);
  });
});
