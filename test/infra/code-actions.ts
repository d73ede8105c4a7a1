// Which AWS actions a function's code calls: esbuild bundles it from its entry points as
// for Lambda (our files only; packages stay out), dropping every function nothing calls,
// and every `new XCommand(` left in the bundle is mapped to the IAM action it needs. So a
// command counts for a role only if that role's code really sends it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { ROOT } from "./sst-bundle";

// The IAM actions each AWS SDK command needs. HeadObject is authorised as s3:GetObject; a
// read of a key that may be missing also needs s3:ListBucket, or S3 answers 403 for 404.
export const ACTIONS_OF_COMMAND: Record<string, string | string[]> = {
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
  SendEmailCommand: "ses:SendEmail",
};

/** The actions `command` needs; none for a command missing from the table. */
export const actionsOf = (command: string): string[] => [ACTIONS_OF_COMMAND[command] ?? []].flat();

/** The SDK commands the bundle of `entries` sends, with how often each appears. */
export async function commandsIn(entries: string[]): Promise<Map<string, number>> {
  const result = await build({
    entryPoints: entries.map((entry) => path.join(ROOT, entry)),
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    treeShaking: true,
    platform: "node",
    format: "esm",
    packages: "external",
    jsx: "automatic",
    loader: { ".css": "empty" },
    outdir: "/nonexistent",
    logLevel: "silent",
  });
  const found = new Map<string, number>();
  for (const output of result.outputFiles) {
    for (const [, command] of output.text.matchAll(/new\s+(\w+Command)\s*\(/g)) {
      found.set(String(command), (found.get(String(command)) ?? 0) + 1);
    }
  }
  return found;
}

/** The Next.js server's entry points: every route and page, and the proxy. */
export function siteEntries(): string[] {
  const routes = ["app", "pages"].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .map((file) => path.join(dir, file)),
  );
  return ["proxy.ts", ...routes];
}
