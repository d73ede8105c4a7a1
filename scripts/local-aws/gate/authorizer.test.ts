import { describe, expect, it, vi } from "vitest";
import type { Identity } from "../identities";
import { createAuthorizer } from "./authorizer";

// The evaluator, spied on, to see which decisions are computed and which come from the cache.
const evaluator = vi.hoisted(() => ({ unsafeCalls: 0 }));
vi.mock("@cloud-copilot/iam-simulate", async (original) => {
  const real = await original<typeof import("@cloud-copilot/iam-simulate")>();
  return {
    ...real,
    runUnsafeSimulation: (...args: Parameters<typeof real.runUnsafeSimulation>) => {
      evaluator.unsafeCalls++;
      return real.runUnsafeSimulation(...args);
    },
  };
});

const TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/Visits";
const identity = (statements: Identity["statements"]): Identity => ({
  name: "site",
  principal: "arn:aws:sts::000000000000:assumed-role/site/s",
  credentials: { accessKeyId: "AKIDSITE", secretAccessKey: "secret" },
  statements,
});

describe("createAuthorizer", () => {
  it("allows what the policy grants, and tells an implicit from an explicit deny", async () => {
    const authorizer = await createAuthorizer([
      identity([
        { Effect: "Allow", Action: ["dynamodb:UpdateItem", "dynamodb:DeleteItem"], Resource: [TABLE] },
        { Effect: "Deny", Action: ["dynamodb:DeleteItem"], Resource: ["*"] },
      ]),
    ]);
    const caller = authorizer.caller("AKIDSITE")!;
    expect(caller.decide({ action: "dynamodb:UpdateItem", resource: TABLE })).toBe("Allowed");
    expect(caller.decide({ action: "dynamodb:GetItem", resource: TABLE })).toBe("ImplicitlyDenied");
    expect(caller.decide({ action: "dynamodb:UpdateItem", resource: `${TABLE}-other` })).toBe(
      "ImplicitlyDenied",
    );
    expect(caller.decide({ action: "dynamodb:DeleteItem", resource: TABLE })).toBe("ExplicitlyDenied");
    expect(authorizer.caller("AKIDNOBODY")).toBeUndefined();
    expect(authorizer.caller(undefined)).toBeUndefined();
  });

  it("evaluates each (action, resource) once per policy, then answers from its cache", async () => {
    const authorizer = await createAuthorizer([
      identity([{ Effect: "Allow", Action: ["dynamodb:UpdateItem"], Resource: [TABLE] }]),
    ]);
    const before = evaluator.unsafeCalls;
    const check = { action: "dynamodb:UpdateItem", resource: TABLE };
    for (let i = 0; i < 100; i++) authorizer.caller("AKIDSITE")!.decide(check);
    expect(evaluator.unsafeCalls - before).toBe(1);
    // A new policy starts a new cache: a grant taken away is refused at once.
    await authorizer.replace("site", []);
    expect(authorizer.caller("AKIDSITE")!.decide(check)).toBe("ImplicitlyDenied");
    expect(evaluator.unsafeCalls - before).toBe(2);
  });

  it.each([
    ["an action that does not exist", "s3:GetObjekt", "arn:aws:s3:::b/k", /s3:GetObjekt.*invalid\.action/],
    ["an object action on a bucket", "s3:GetObject", "arn:aws:s3:::b", /no\.resource\.types/],
    ["a bucket action on an object", "s3:ListBucket", "arn:aws:s3:::b/k", /no\.resource\.types/],
  ])("refuses a policy that grants %s, naming it", async (_, action, resource, message) => {
    await expect(
      createAuthorizer([identity([{ Effect: "Allow", Action: [action], Resource: [resource] }])]),
    ).rejects.toThrow(message);
  });

  it("refuses a policy with conditions, which its cache could not honour", async () => {
    const statement = { Effect: "Allow" as const, Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::b/k"] };
    await expect(
      createAuthorizer([
        identity([{ ...statement, Condition: { Bool: { "aws:SecureTransport": "true" } } } as never]),
      ]),
    ).rejects.toThrow(/conditions are not supported/);
  });

  it("accepts a policy that may do anything (the owner)", async () => {
    const authorizer = await createAuthorizer([
      identity([{ Effect: "Allow", Action: ["*"], Resource: ["*"] }]),
    ]);
    expect(
      authorizer.caller("AKIDSITE")!.decide({ action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k" }),
    ).toBe("Allowed");
  });
});
