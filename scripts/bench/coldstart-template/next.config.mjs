// OpenNext requires a config file; the baseline needs no setting.
const nextConfig = {};

export default nextConfig;
