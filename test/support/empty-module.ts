// Stands in for `server-only` under Vitest, which has no React Server Components bundler.
export {};
