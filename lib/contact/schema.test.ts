import { describe, expect, it } from "vitest";
import { LIMITS } from "./form";
import { validateSubmission } from "./schema";

const valid = {
  name: "Ada Lovelace",
  email: "ada@example.org",
  message: "Hello!",
  formToken: "t",
  website: "",
};

describe("validateSubmission", () => {
  it("accepts a message, trimmed and normalized, with its spam fields", () => {
    const result = validateSubmission({
      ...valid,
      name: "  Ada   Lovelace ",
      message: "Line one\r\nline two\rthree\n",
    });
    expect(result).toEqual({
      ok: true,
      submission: {
        name: "Ada Lovelace",
        email: "ada@example.org",
        message: "Line one\nline two\nthree",
        honeypot: "",
        token: "t",
      },
    });
  });

  it("keeps letters of any script, accents and emoji", () => {
    const result = validateSubmission({ ...valid, name: "Zoë Ørsted-山田 🙂", message: "Olá, 你好 👋🏽" });
    expect(result.ok && result.submission.name).toBe("Zoë Ørsted-山田 🙂");
  });

  it("composes decomposed accents (NFC), so lengths and mail match what was typed", () => {
    const result = validateSubmission({ ...valid, name: "Zoe\u0308" });
    expect(result.ok && result.submission.name).toBe("Zo\u00eb");
  });

  it("names each missing or empty field", () => {
    const result = validateSubmission({ name: " ", email: "", formToken: "t" });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: "Please enter your name.",
        email: expect.stringMatching(/valid email/),
        message: "Please enter your message.",
      },
    });
  });

  it("refuses fields past their limits", () => {
    const long = validateSubmission({
      ...valid,
      name: "a".repeat(LIMITS.name + 1),
      email: `${"a".repeat(250)}@example.org`,
      message: "m".repeat(LIMITS.message + 1),
    });
    expect(long.ok).toBe(false);
    expect(!long.ok && Object.keys(long.errors).sort()).toEqual(["email", "message", "name"]);
    expect(validateSubmission({ ...valid, message: "m".repeat(LIMITS.message) }).ok).toBe(true);
  });

  it("refuses a line break or control character in the name: nothing may reach a mail header", () => {
    for (const name of [
      "Ada\r\nBcc: victim@example.org",
      "Ada\nX",
      "Ada\u0000",
      "Ada\u0085",
      "Ada\u2028x",
      "Ada\u202Eevil",
    ]) {
      const result = validateSubmission({ ...valid, name });
      expect(result.ok, JSON.stringify(name)).toBe(false);
      expect(!result.ok && result.errors.name).toMatch(/cannot be sent/);
    }
  });

  it("refuses an address with a line break, a header or a display name", () => {
    for (const email of [
      "ada@example.org\r\nBcc: x@y.z",
      "Ada <ada@example.org>",
      "ada@example.org, eve@example.org",
      "not an address",
    ]) {
      expect(validateSubmission({ ...valid, email }).ok, email).toBe(false);
    }
  });

  it("keeps line breaks and tabs in the message, refuses other control characters and half characters", () => {
    expect(validateSubmission({ ...valid, message: "a\tb\nc" }).ok).toBe(true);
    for (const message of ["a\u0000b", "a\u001bb", "\ud800", "a\udc00b"]) {
      expect(validateSubmission({ ...valid, message }).ok, JSON.stringify(message)).toBe(false);
    }
  });

  it("refuses what is not an object of strings, saying why", () => {
    expect(validateSubmission([1, 2])).toEqual({ ok: false, errors: { form: expect.any(String) } });
    expect(validateSubmission("name=x")).toEqual({ ok: false, errors: { form: expect.any(String) } });
    expect(validateSubmission(null).ok).toBe(false);
    const wrongTypes = validateSubmission({ name: 1, email: ["a@b.co"], message: { text: "x" } });
    expect(!wrongTypes.ok && Object.keys(wrongTypes.errors).sort()).toEqual(["email", "message", "name"]);
  });

  it("ignores unknown fields, __proto__ included, without touching any prototype", () => {
    const fields = JSON.parse(
      '{"name":"Ada","email":"ada@example.org","message":"Hi","__proto__":{"polluted":1},"extra":2}',
    );
    const result = validateSubmission(fields);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
