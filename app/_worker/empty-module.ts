// Stands in for Node built-ins (fs, path, crypto) in browser bundles: jq-wasm's Emscripten glue
// requires them on its Node path only, which never runs in the worker. See next.config.mjs.
const empty = {};
export default empty;
