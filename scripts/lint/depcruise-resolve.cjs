// Resolution for dependency-cruiser only: the `@/` alias of WXT's tsconfig (.wxt/tsconfig.json maps
// `@/*` to the project root), which the tsconfig-paths plugin misreads without a baseUrl.
const path = require('node:path');

module.exports = { resolve: { alias: { '@': path.resolve(__dirname, '../..') } } };
