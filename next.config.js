/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async rewrites() {
    // The download lives in pages/api (see the comment there) but keeps its public URL.
    return [
      { source: "/resume/download", destination: "/api/resume/download" },
      { source: "/resume", destination: "/api/resume/download?inline=1" },
    ];
  },
};

export default nextConfig;
