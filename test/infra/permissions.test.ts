import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESUME_BUCKET_ACTIONS, RESUME_OBJECT_ACTIONS, VISITS_TABLE_ACTIONS } from "../../infra/permissions";

// The IAM actions each AWS SDK command needs. HeadObject is authorised as s3:GetObject; a
// read of a key that may be missing also needs s3:ListBucket, or S3 answers 403 for 404.
const ACTIONS_OF_COMMAND: Record<string, string | string[]> = {
  UpdateCommand: "dynamodb:UpdateItem",
  UpdateItemCommand: "dynamodb:UpdateItem",
  PutCommand: "dynamodb:PutItem",
  PutItemCommand: "dynamodb:PutItem",
  GetCommand: "dynamodb:GetItem",
  GetItemCommand: "dynamodb:GetItem",
  BatchGetCommand: "dynamodb:BatchGetItem",
  BatchGetItemCommand: "dynamodb:BatchGetItem",
  QueryCommand: "dynamodb:Query",
  ScanCommand: "dynamodb:Scan",
  DeleteCommand: "dynamodb:DeleteItem",
  BatchWriteCommand: "dynamodb:BatchWriteItem",
  TransactWriteCommand: "dynamodb:TransactWriteItems",
  GetObjectCommand: ["s3:GetObject", "s3:ListBucket"],
  HeadObjectCommand: ["s3:GetObject", "s3:ListBucket"],
  PutObjectCommand: "s3:PutObject",
  ListObjectsV2Command: "s3:ListBucket",
};

// The code that ships in the server bundle (scripts/ seeds the local emulators and never ships).
const SHIPPED = ["app", "lib", "pages", "components"];

function commandsInShippedCode(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of SHIPPED) {
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
      const source = readFileSync(path.join(dir, file), "utf8");
      for (const [, command] of source.matchAll(/new\s+(\w+Command)\s*\(/g)) {
        found.set(String(command), [...(found.get(String(command)) ?? []), path.join(dir, file)]);
      }
    }
  }
  return found;
}

describe("infra/permissions.ts", () => {
  const granted = new Set<string>([
    ...VISITS_TABLE_ACTIONS,
    ...RESUME_OBJECT_ACTIONS,
    ...RESUME_BUCKET_ACTIONS,
  ]);
  const actionsOf = (command: string) => [ACTIONS_OF_COMMAND[command] ?? []].flat();

  it("grants every action the shipped code's AWS SDK commands need", () => {
    const commands = commandsInShippedCode();
    // The scan would be worthless if it found nothing: the counter and the download exist.
    expect([...commands.keys()]).toEqual(expect.arrayContaining(["UpdateCommand", "GetObjectCommand"]));
    for (const [command, files] of commands) {
      const actions = actionsOf(command);
      expect(
        actions.length,
        `${command} (in ${files.join(", ")}) is missing from this test's table`,
      ).toBeGreaterThan(0);
      for (const action of actions)
        expect(granted.has(action), `${command} in ${files.join(", ")} needs ${action}`).toBe(true);
    }
  });

  it("grants nothing the shipped code does not use", () => {
    const needed = new Set([...commandsInShippedCode().keys()].flatMap(actionsOf));
    expect([...granted].sort()).toEqual([...needed].sort());
  });

  it("names single actions, never a wildcard", () => {
    for (const action of granted) expect(action).toMatch(/^(dynamodb|s3):[A-Z][A-Za-z]+$/);
  });
});
