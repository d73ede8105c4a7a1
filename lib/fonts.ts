import localFont from "next/font/local";

/**
 * Inter, served from this site: next/font/google would fetch from Google at build
 * time, which offline builds cannot do, so the file comes from the
 * @fontsource-variable/inter package (SIL Open Font License 1.1, which allows
 * bundling with software). One variable file (latin, 48 KB) covers every weight.
 * next/font preloads it and sizes an Arial fallback to Inter's metrics, so the swap
 * moves no text. Measured with `npm run bench:lighthouse`: the system font stack scored
 * no better (performance medians 98–100 either way, LCP varying with machine load, not
 * with the font), so the site keeps its typeface.
 */
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  display: "swap",
  variable: "--font-inter",
});
