/**
 * The layer rule, checked in `npm test` (`npm run lint:deps`). Imports point down:
 *
 *   entrypoints/            WXT entry points and the pages' UI tabs (thin: wiring, layout)
 *   components/             React pieces shared by the pages
 *   lib/background/         the service worker: router, handler registry, services that own state
 *   lib/content/, lib/teach/  the content script's runtime (scan, badges, picker)
 *   lib/<feature>/          domain features: pure logic, their messages' schemas, their handlers
 *   lib/messaging/          the wire: envelopes, clients, the command registry
 *   lib/db/                 IndexedDB schema and repositories
 *   lib/domain.ts, lib/fields/, lib/parse/, lib/data/, lib/files/   core: no import from any other lib folder
 *
 * Features may use one another (risk uses labels, kpi uses labels), never a layer above them.
 */
const CORE = '^lib/(domain\\.ts|demo-origin\\.ts|fields/|parse/|data/|files/)';
const RUNTIMES = '^lib/(background|content|teach)/';
const UI = '^(components|entrypoints)/';

module.exports = {
  forbidden: [
    {
      name: 'no-import-of-ui-from-lib',
      comment: 'lib/ is UI-free: React pages and components sit on top of it.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: UI },
    },
    {
      name: 'no-import-of-entrypoints',
      comment: 'An entry point is a leaf: shared UI goes to components/, logic to lib/.',
      severity: 'error',
      from: { pathNot: '^entrypoints/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'pages-talk-to-the-background-by-message',
      comment: 'Pages and components reach background state only through messages, never by importing the service worker.',
      severity: 'error',
      from: { path: UI, pathNot: '^entrypoints/background\\.ts$' },
      to: { path: '^lib/background/' },
    },
    {
      name: 'features-below-runtimes',
      comment: 'A feature folder is used by the service worker and the content script, never the other way round.',
      severity: 'error',
      from: { path: '^lib/', pathNot: RUNTIMES },
      to: { path: RUNTIMES },
    },
    {
      name: 'features-do-not-import-the-protocol-union',
      comment: 'lib/messaging/protocol.ts gathers every feature\'s messages; a feature imports its own protocol, not the union.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/(background|content|teach|messaging)/' },
      to: { path: '^lib/messaging/protocol\\.ts$' },
    },
    {
      name: 'storage-below-features',
      comment: 'lib/db stores what features compute; it may name their types (type-only imports) but never runs their code.',
      severity: 'error',
      from: { path: '^lib/db/' },
      to: { path: '^lib/', pathNot: ['^lib/db/', CORE], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-is-the-bottom',
      comment: 'Core modules (domain types, fields, parsing, files) import nothing else from lib/.',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^lib/', pathNot: CORE },
    },
    {
      name: 'no-circular',
      comment: 'A module cycle makes load order matter and hides which side owns the code.',
      severity: 'error',
      from: {},
      // Type-only cycles (a protocol file and its schemas naming each other's types) cost nothing at run time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    webpackConfig: { fileName: 'scripts/lint/depcruise-resolve.cjs' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
