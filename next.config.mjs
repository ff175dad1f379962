// Layerlab is a static site: `next build` exports plain files (out/) that any static server can host.
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  // A plain static server shows a directory listing for /playground without the trailing slash.
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: {
    // jq-wasm's Emscripten glue (the terminal's jq, in the engine worker) requires Node built-ins
    // on a code path that runs only under Node; in the browser they resolve to an empty module.
    resolveAlias: {
      fs: { browser: './app/_worker/empty-module.ts' },
      path: { browser: './app/_worker/empty-module.ts' },
      crypto: { browser: './app/_worker/empty-module.ts' },
    },
  },
};

export default nextConfig;
