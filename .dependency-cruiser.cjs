/** The layers of the README's architecture table, and no import circles between files or between folders. */
const CORE = '^src/core/';
const RENDERER = '^src/renderer/';
const SERVICES = '^electron/services/';
const ELECTRON_SIDE = '^electron/(main\\.ts|adapters/)';
const BRIDGES = '^electron/(preload\\.ts|web/bridgeClient\\.ts)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle between files makes each of them impossible to read or test alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-circle',
      comment: 'Two folders that import each other are one module in two places: neither can be understood, moved or tested alone.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-without-node',
      comment: 'The core runs in every runtime, so it may not use Node builtins.',
      severity: 'error',
      from: { path: CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-without-io-or-ui',
      comment: 'The core holds the domain: no UI, no Electron, no JsSIP, no storage, no shell.',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^(src/renderer|electron)/|node_modules/(electron|electron-store|conf|react|react-dom|jssip)/' },
    },
    {
      name: 'services-without-electron',
      comment: 'Services run in both shells, so they never import Electron, the UI or the Electron adapters.',
      severity: 'error',
      from: { path: SERVICES },
      to: { path: `${RENDERER}|${ELECTRON_SIDE}|^electron/web/|node_modules/(electron|electron-store|react)/` },
    },
    {
      name: 'renderer-without-node',
      comment: 'The renderer is a web page.',
      severity: 'error',
      from: { path: RENDERER },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-reaches-services-only-through-the-contract',
      comment: 'The renderer reaches the services only through window.softphone.',
      severity: 'error',
      from: { path: RENDERER },
      to: { path: '^electron/|node_modules/electron/' },
    },
    {
      name: 'bridges-carry-only-the-contract',
      comment: 'The preload and the browser bridge expose the contract; they hold no logic of the services or the UI.',
      severity: 'error',
      from: { path: BRIDGES },
      to: { path: `${RENDERER}|${SERVICES}|${ELECTRON_SIDE}` },
    },
    {
      name: 'nothing-imports-tests',
      severity: 'error',
      from: { path: '^(src|electron)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.tools.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
