// The last guard between user input and a mail header: whatever reaches a header is one
// line. Validation (lib/contact/schema.ts) already refuses such input; this holds even
// for a caller that forgot to validate.

/** `value` as one line: control characters and line separators become spaces, cut to `max`. */
export function headerText(value: string, max: number): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029\u0085]+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, max);
}
