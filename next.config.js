/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // proxy.ts must see the raw request: without this, Next removes its router headers
  // (Next-Router-Prefetch, RSC…) before the proxy runs, and a prefetch of / would count
  // as a view (docs/visits.md). The proxy checks paths only, never the _next/data forms.
  skipProxyUrlNormalize: true,
  async rewrites() {
    // The download lives in pages/api (see the comment there) but keeps its public URL.
    return [
      { source: "/resume/download", destination: "/api/resume/download" },
      { source: "/resume", destination: "/api/resume/download?inline=1" },
    ];
  },
};

export default nextConfig;
