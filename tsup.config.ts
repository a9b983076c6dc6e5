import { defineConfig } from 'tsup';
import { lazyListenerTablesPlugin } from './scripts/lazy-listener-tables.js';

/**
 * linkedom is bundled, not imported: the Readability vote is its only user, and the bundled copy files its
 * listener tables lazily (see scripts/lazy-listener-tables.ts), which halves the vote's time. Its own
 * dependencies come with it, except htmlparser2, a dependency of ours too.
 */
const BUNDLED = ['linkedom'];

export default defineConfig([
  {
    // The library: no Node built-ins, so it bundles for browsers, Deno, Bun and workers.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    // Read by scripts/third-party-notices.mjs for the packages bundled in, then removed.
    metafile: true,
    noExternal: BUNDLED,
    esbuildPlugins: [lazyListenerTablesPlugin()],
  },
  {
    // The command-line tool: Node only.
    entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: BUNDLED,
    esbuildPlugins: [lazyListenerTablesPlugin()],
  },
]);
