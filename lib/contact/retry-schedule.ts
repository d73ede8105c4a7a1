// How often the retry job runs, on AWS (infra/contact.ts) and under `npm start`
// (scripts/dev/local-functions.mjs, which a test keeps equal). No imports: infra/ bundles it.
export const RETRY_EVERY_MINUTES = 5;
