import { describe, expect, it } from "vitest";
import { checkFormToken, issueFormToken, MAX_AGE_MS, MIN_FILL_MS } from "./form-token";

const KEY = "key-for-tests";
const T0 = Date.UTC(2026, 4, 1, 12);

describe("the signed timestamp", () => {
  const token = issueFormToken(KEY, T0);

  it("is accepted once a person could have filled the form in, and until it is a day old", () => {
    expect(checkFormToken(KEY, token, T0 + MIN_FILL_MS)).toBe("ok");
    expect(checkFormToken(KEY, token, T0 + MAX_AGE_MS)).toBe("ok");
  });

  it("says too fast before the minimum fill time", () => {
    expect(checkFormToken(KEY, token, T0)).toBe("too-fast");
    expect(checkFormToken(KEY, token, T0 + MIN_FILL_MS - 1)).toBe("too-fast");
  });

  it("says expired past its age", () => {
    expect(checkFormToken(KEY, token, T0 + MAX_AGE_MS + 1)).toBe("expired");
  });

  it("cannot be forged: a changed time, a changed signature or another key is invalid", () => {
    const [issued = "", signature = ""] = token.split(".");
    const earlier = (T0 - 60_000).toString(36);
    expect(checkFormToken(KEY, `${earlier}.${signature}`, T0 + MIN_FILL_MS)).toBe("invalid");
    const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(checkFormToken(KEY, `${issued}.${flipped}`, T0 + MIN_FILL_MS)).toBe("invalid");
    expect(checkFormToken("another-key", token, T0 + MIN_FILL_MS)).toBe("invalid");
  });

  it("refuses garbage, and a time far in the future", () => {
    for (const garbage of ["", ".", "abc", `${token}x`, "zzzzzzzzzzzzz.abc", "1.2.3", "<script>"])
      expect(checkFormToken(KEY, garbage, T0)).toBe("invalid");
    expect(checkFormToken(KEY, issueFormToken(KEY, T0 + 10 * 60_000), T0)).toBe("invalid");
  });
});
