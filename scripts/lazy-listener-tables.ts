/**
 * A build step for the copy of linkedom bundled into dist/: its `EventTarget` gets its listener table when a
 * listener is first added, not when the node is made.
 *
 * linkedom 0.18's `EventTarget` constructor files a new `Map` for every node in a module-wide WeakMap. The
 * Readability vote builds a whole page in linkedom and never listens for an event, yet on the pages that ask for
 * a vote those inserts, and the collector's weak-table work after them, took about half of Readability's time.
 * The methods below are the only readers of the table; `invokeListeners` already reads a missing table as "no
 * listeners". So filing the table on first use gives every caller the same answers.
 *
 * The edit is made on the exact text of the file and the build fails when the text is not as expected, so an
 * update of linkedom cannot ship unpatched, or patched wrongly, without notice.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** linkedom's event-target module, in its ESM and CommonJS builds. */
const EVENT_TARGET_FILE = /[\\/]linkedom[\\/](?:esm|cjs)[\\/]interface[\\/]event-target\.js$/;

/** The constructor's filing of a table, removed. */
const FILING = /\n {4}wm\.set\(this, new Map\);\n/g;
/** The two methods' reads of their own table (`addEventListener`, `removeEventListener`), made lazy. */
const OWN_TABLE_READ = /const map = wm\.get\(this\);/g;
/** Every use of the table in the file: the three above and `invokeListeners`' null-safe read. */
const ALL_TABLE_USES = /\bwm\./g;
const EXPECTED_TABLE_USES = 4;
/** Where the lazy reader is placed: right after the table's declaration. */
const TABLE_DECLARATION = 'const wm = new WeakMap();\n';

const LAZY_READER = `
/* newsprint build: the listener table is filed on first use, not for every node made. */
function listenerTable(target) {
  let map = wm.get(target);
  if (map === undefined) wm.set(target, map = new Map);
  return map;
}
`;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** linkedom's event-target module with lazy listener tables; throws when its text is not the expected one. */
export function lazyListenerTables(source: string, file: string): string {
  const problems: string[] = [];
  if (count(source, FILING) !== 1) problems.push('the constructor does not file one table');
  if (count(source, OWN_TABLE_READ) !== 2) problems.push('the listener methods do not read their table twice');
  if (count(source, ALL_TABLE_USES) !== EXPECTED_TABLE_USES) problems.push(`the table is used other than ${EXPECTED_TABLE_USES} times`);
  if (source.split(TABLE_DECLARATION).length !== 2) problems.push('the table is not declared once as expected');
  if (problems.length > 0) throw new Error(`lazy listener tables: ${file} is not the linkedom 0.18 file this edit was written for: ${problems.join('; ')}`);
  return source
    .replace(TABLE_DECLARATION, TABLE_DECLARATION + LAZY_READER)
    .replace(FILING, '\n')
    .replace(OWN_TABLE_READ, 'const map = listenerTable(this);');
}

/** The esbuild plugin: applies {@link lazyListenerTables} to linkedom's event-target module wherever it is bundled. */
export function lazyListenerTablesPlugin(): Plugin {
  return {
    name: 'linkedom-lazy-listener-tables',
    setup(build) {
      build.onLoad({ filter: EVENT_TARGET_FILE }, async (args) => ({
        contents: lazyListenerTables(await readFile(args.path, 'utf8'), args.path),
        loader: 'js',
      }));
    },
  };
}
