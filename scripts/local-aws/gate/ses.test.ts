import { describe, expect, it } from "vitest";
import { iamProblem } from "../../../test/support/iam-validity";
import { sesChecks } from "./ses";

const arn = (resource: string) => `arn:aws:ses:eu-west-1:000000000000:${resource}`;
const signed = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/eu-west-1/ses/aws4_request, Signature=x";
const DEFAULT_SETS = { "owner@example.com": "site-sender" };

const send = (body: unknown, url = "/v2/email/outbound-emails", type = "application/json") =>
  sesChecks(
    { method: "POST", url, headers: { authorization: signed, "content-type": type } },
    Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
    DEFAULT_SETS,
  );

// The body, and the checks SES's IAM needs (Service Authorization Reference).
const CASES: [string, Record<string, unknown>, { action: string; resource: string }[]][] = [
  [
    "the identity and the named set",
    { FromEmailAddress: "owner@example.com", ConfigurationSetName: "other-set" },
    [
      { action: "ses:SendEmail", resource: arn("identity/owner@example.com") },
      { action: "ses:SendEmail", resource: arn("configuration-set/other-set") },
    ],
  ],
  [
    "the identity and its default set when none is named, from a display-name address",
    { FromEmailAddress: "Owner <owner@example.com>" },
    [
      { action: "ses:SendEmail", resource: arn("identity/owner@example.com") },
      { action: "ses:SendEmail", resource: arn("configuration-set/site-sender") },
    ],
  ],
  [
    "an identity with no default set: the identity alone",
    { FromEmailAddress: "someone@example.net" },
    [{ action: "ses:SendEmail", resource: arn("identity/someone@example.net") }],
  ],
  [
    "the identity ARN given for sending authorisation",
    {
      FromEmailAddress: "a@example.org",
      FromEmailAddressIdentityArn: "arn:aws:ses:us-east-1:111122223333:identity/example.org",
    },
    [{ action: "ses:SendEmail", resource: "arn:aws:ses:us-east-1:111122223333:identity/example.org" }],
  ],
];

describe("the SES v2 request mapper", () => {
  it.each(CASES)("SendEmail needs ses:SendEmail on %s", async (_, body, expected) => {
    const checks = send(body);
    expect(checks).toEqual(expected);
    for (const check of expected) expect(await iamProblem(check)).toBeUndefined();
  });

  it("reads the path as the emulator's router does: any case, a trailing slash", () => {
    expect(send({ FromEmailAddress: "x@example.net" }, "/V2/Email/Outbound-Emails/?a=b")).toEqual([
      { action: "ses:SendEmail", resource: arn("identity/x@example.net") },
    ]);
  });

  it("lets the emulator's own inbox pages through, needing no identity", () => {
    for (const [method, url] of [
      ["GET", "/"],
      ["HEAD", "/"],
      ["GET", "/store?since=1"],
      ["POST", "/clear-store"],
      ["GET", "/health-check"],
      ["GET", "/get-emlContent?messageId=ses-1"],
    ] as const)
      expect(sesChecks({ method, url, headers: {} }, Buffer.alloc(0), {})).toBe("pass");
  });

  it("refuses a body it cannot read as SES would (400), and an operation it does not map (501)", () => {
    expect(send("not json")).toMatchObject({ status: 400 });
    expect(send("[1]")).toMatchObject({ status: 400 });
    expect(
      send("FromEmailAddress=x%40example.net", undefined, "application/x-www-form-urlencoded"),
    ).toMatchObject({ status: 400 });
    expect(send({ Content: {} })).toMatchObject({ status: 501 });
    for (const [method, url] of [
      ["POST", "/"],
      ["GET", "/v2/email/account"],
      ["POST", "/v2/email/outbound-bulk-emails"],
      ["POST", "/v2/email/templates"],
    ] as const)
      expect(sesChecks({ method, url, headers: {} }, Buffer.from("{}"), {})).toMatchObject({ status: 501 });
  });
});
