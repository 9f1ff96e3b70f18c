/** Jest runs the TypeScript sources as native ES modules (NestJS 12 ships ESM only), compiled by SWC. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/projections', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // fastify.inject (the console's way to the API) require()s the ES-module-only `cookie`, which Jest on Node 20 cannot load as it is.
    '/node_modules/cookie/.+\\.js$': ['@swc/jest', { ...swc, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/worker-server.ts'],
  testTimeout: 60_000,
  // Jest would take one worker on a 2-core machine; most files wait on PostgreSQL, the built service or Chromium, so two overlap well.
  maxWorkers: 2,
  // Each file's ES modules stay in its worker's heap (about 100 MB a file, the app's graph loaded anew), and the
  // collector's work grows with it: a worker past this is replaced between files (the whole suite's CPU fell by a fifth, its time from 582 s to 484 s).
  workerIdleMemoryLimit: '1GB',
};
