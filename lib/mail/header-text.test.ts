import { describe, expect, it } from "vitest";
import { headerText } from "./header-text";

describe("headerText", () => {
  it("turns every kind of line break and control character into a space, and cuts to length", () => {
    expect(headerText("a\r\nb\nc\rd\u0085e\u2028f\u2029g\u0000h\u007fi", 100)).toBe("a b c d e f g h i");
    expect(headerText("  x  ", 100)).toBe("x");
    expect(headerText("abcdef", 3)).toBe("abc");
  });
});
