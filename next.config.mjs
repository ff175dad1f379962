// Layerlab is a static site: `next build` exports plain files (out/) that any static server can host.
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  // A plain static server shows a directory listing for /playground without the trailing slash.
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
