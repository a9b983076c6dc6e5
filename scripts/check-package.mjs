#!/usr/bin/env node
// Checks the package as users get it: the packed tarball's contents, an install of that tarball
// into a fresh project (ESM import, CommonJS require, TypeScript under node16 and bundler), and a
// browser bundle of the library entry run in headless Chromium.
//
// Run after `npm run build`:  node scripts/check-package.mjs
// Exits non-zero when any check fails; every temporary directory is removed on the way out.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from './chromium.mjs';

const run = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRepo = createRequire(join(repoRoot, 'package.json'));

/** What a user needs from the tarball; anything else (src/, test/, bench/) is a packing mistake. */
const ALLOWED_PACKED_FILES = [/^dist\//, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^package\.json$/];

/** npm and tsc start slowly on a shared 2-core machine; a step that takes longer than this is hung. */
const COMMAND_TIMEOUT_MS = 120_000;

/** Chromium launch and page work; generous because the machine may be busy. */
const BROWSER_TIMEOUT_MS = 45_000;

// An invented article page in the shape news sites use: site navigation, a headline, three
// paragraphs of prose, and a footer. The checks expect exactly the headline and three paragraphs.
const EXPECTED_TITLE = 'Lighthouse keepers return to Skerry Point after a decade';
const EXPECTED_PARAGRAPHS = 3;
const ARTICLE_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${EXPECTED_TITLE} | The Coastal Ledger</title>
  <meta property="og:title" content="${EXPECTED_TITLE}">
</head>
<body>
  <header class="site-header">
    <nav class="main-nav">
      <ul>
        <li><a href="/">Home</a></li>
        <li><a href="/local">Local</a></li>
        <li><a href="/weather">Weather</a></li>
        <li><a href="/sport">Sport</a></li>
        <li><a href="/opinion">Opinion</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <article class="article">
      <h1>${EXPECTED_TITLE}</h1>
      <p class="byline">By Edda Marrow</p>
      <div class="article-body">
        <p>For the first time in ten years, the lamp room at Skerry Point has a resident crew again.
        Two keepers moved into the granite cottage on Monday, carrying boxes of charts, a kettle and
        a logbook that the harbour trust had kept in a drawer since the station was automated.</p>
        <p>The trust says the automatic light works well enough on clear nights, but that fog and
        winter storms have twice left it dark for hours while a technician waited for the sea to calm.
        Having people on the rock means a fault can be fixed within minutes rather than days.</p>
        <p>Local fishing crews welcomed the news at a meeting in the village hall on Tuesday evening.
        Several skippers said they had missed seeing the cottage window lit at dusk, and one offered to
        bring the keepers fresh bread whenever his boat passes the point on the way back to port.</p>
      </div>
    </article>
  </main>
  <footer class="site-footer">
    <p>&copy; 2026 The Coastal Ledger. All rights reserved.</p>
    <ul>
      <li><a href="/about">About us</a></li>
      <li><a href="/privacy">Privacy</a></li>
      <li><a href="/contact">Contact</a></li>
    </ul>
  </footer>
</body>
</html>`;

// The same assertions run in Node (ESM and CommonJS) and in the browser page: a function body that
// takes the module namespace and the page, and throws with a reason when something is off.
const CONSUMER_CHECK_BODY = `
  const article = newsprint.extract(html);
  if (article.title !== ${JSON.stringify(EXPECTED_TITLE)}) {
    throw new Error('title: expected ' + ${JSON.stringify(JSON.stringify(EXPECTED_TITLE))} + ', got ' + JSON.stringify(article.title));
  }
  if (article.paragraphs.length !== ${EXPECTED_PARAGRAPHS}) {
    throw new Error('paragraphs: expected ${EXPECTED_PARAGRAPHS}, got ' + article.paragraphs.length + ': ' + JSON.stringify(article.paragraphs));
  }
  const markdown = newsprint.toMarkdown(article);
  if (!markdown.includes('Skerry Point has a resident crew')) {
    throw new Error('toMarkdown lost the first paragraph');
  }
  let thrown = null;
  try { newsprint.extract('   '); } catch (error) { thrown = error; }
  if (!(thrown instanceof newsprint.NewsprintError) || thrown.code !== 'EMPTY_INPUT') {
    throw new Error('empty input: expected NewsprintError EMPTY_INPUT, got ' + String(thrown));
  }
  return { title: article.title, paragraphs: article.paragraphs.length };
`;

// Type-checked, never run. The @ts-expect-error lines fail the check if the types loosen to `any`
// or stop saying that a title can be missing.
const TYPESCRIPT_CONSUMER = `import { extract, NewsprintError, type Article, type NewsprintErrorCode } from 'newsprint';

export function headline(html: string): string {
  const article: Article = extract(html, { url: 'https://news.example/a' });
  // @ts-expect-error: a page may have no title, so it is string | null
  const strict: string = article.title;
  void strict;
  const paragraphs: string[] = article.paragraphs;
  return (article.title ?? '') + paragraphs.length;
}

export function errorCode(error: unknown): NewsprintErrorCode | null {
  if (error instanceof NewsprintError) return error.code;
  return null;
}

// @ts-expect-error: extract is typed, so an option it does not know is refused
extract('<p>x</p>', { notAnOption: true });
`;

// The CommonJS typings, under node16 only (bundler resolution has no require).
const TYPESCRIPT_CJS_CONSUMER = `import newsprint = require('newsprint');

export function titleOf(html: string): string | null {
  const article: newsprint.Article = newsprint.extract(html);
  return article.title;
}
export const isNewsprintError = (error: unknown): boolean => error instanceof newsprint.NewsprintError;
`;

const TSCONFIG_BASE = {
  strict: true,
  noEmit: true,
  target: 'es2022',
  // No @types/node in the consumer project: the public types must not need it.
  types: [],
  // Check the shipped .d.ts files too, not only the consumer's code.
  skipLibCheck: false,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
};

const failures = [];
const tempDirs = [];

function ok(message) {
  console.log(`  ok    ${message}`);
}

function fail(name, error) {
  const detail = error instanceof Error ? error.message : String(error);
  failures.push(name);
  console.log(`  FAIL  ${name}\n${indent(detail)}`);
}

function indent(text) {
  return text
    .trim()
    .split('\n')
    .map((line) => `        ${line}`)
    .join('\n');
}

async function makeTempDir(label) {
  const dir = await mkdtemp(join(tmpdir(), `newsprint-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** Runs a command; on failure the error carries its stdout and stderr, which say why. */
async function runCommand(file, args, cwd) {
  try {
    return await run(file, args, { cwd, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).join('\n');
    throw new Error(`${file} ${args.join(' ')} failed\n${output || error.message}`);
  }
}

/** Packs the repository as `npm publish` would; returns the tarball path and the packed file list. */
async function pack(packDir) {
  const { stdout } = await runCommand('npm', ['pack', '--json', '--pack-destination', packDir], repoRoot);
  const [report] = JSON.parse(stdout);
  const paths = report.files.map((file) => file.path).sort();
  console.log(`  tarball ${report.filename}: ${paths.length} files, ${kb(report.size)} KB packed`);
  for (const path of paths) console.log(`    ${path}`);
  return { tarball: join(packDir, report.filename), paths };
}

function checkPackContents(paths) {
  const unexpected = paths.filter((path) => !ALLOWED_PACKED_FILES.some((pattern) => pattern.test(path)));
  if (unexpected.length > 0) throw new Error(`files users do not need: ${unexpected.join(', ')}`);
  for (const required of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'package.json']) {
    if (!paths.includes(required)) throw new Error(`missing from the tarball: ${required}`);
  }
  return 'pack contents ok';
}

async function installTarball(tarball) {
  const projectDir = await makeTempDir('consumer');
  await writeFile(
    join(projectDir, 'package.json'),
    JSON.stringify({ name: 'newsprint-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2),
  );
  await runCommand(
    'npm',
    ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock'],
    projectDir,
  );
  await writeFile(join(projectDir, 'article.html'), ARTICLE_HTML);
  return projectDir;
}

async function checkNodeConsumer(projectDir, kind) {
  const loader =
    kind === 'esm'
      ? `import * as newsprint from 'newsprint';\nimport { readFileSync } from 'node:fs';`
      : `const newsprint = require('newsprint');\nconst { readFileSync } = require('node:fs');`;
  const script = `${loader}
const html = readFileSync(${JSON.stringify(join(projectDir, 'article.html'))}, 'utf8');
const result = (function (newsprint, html) {${CONSUMER_CHECK_BODY}})(newsprint, html);
process.stdout.write(JSON.stringify(result));
`;
  const file = join(projectDir, kind === 'esm' ? 'consumer.mjs' : 'consumer.cjs');
  await writeFile(file, script);
  const { stdout } = await runCommand(process.execPath, [file], projectDir);
  const result = JSON.parse(stdout);
  return `${kind} ok (title and ${result.paragraphs} paragraphs)`;
}

async function checkTypeScript(projectDir, mode) {
  const dir = join(projectDir, `ts-${mode}`);
  await mkdir(dir, { recursive: true });
  const files = ['consumer.ts'];
  await writeFile(join(dir, 'consumer.ts'), TYPESCRIPT_CONSUMER);
  const compilerOptions =
    mode === 'node16'
      ? { ...TSCONFIG_BASE, module: 'node16', moduleResolution: 'node16' }
      : { ...TSCONFIG_BASE, module: 'esnext', moduleResolution: 'bundler' };
  if (mode === 'node16') {
    await writeFile(join(dir, 'consumer-cjs.cts'), TYPESCRIPT_CJS_CONSUMER);
    files.push('consumer-cjs.cts');
  }
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }, null, 2));
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  await runCommand(process.execPath, [tsc, '--noEmit', '-p', dir], dir);
  return `tsc ${mode} ok`;
}

/** Bundles the installed library entry for browsers; fails naming every Node built-in it pulls in. */
async function bundleForBrowser(projectDir) {
  const esbuild = requireFromRepo('esbuild');
  let result;
  try {
    result = await esbuild.build({
      stdin: { contents: `export * from 'newsprint';`, resolveDir: projectDir, sourcefile: 'entry.js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
      absWorkingDir: projectDir,
    });
  } catch (error) {
    const messages = (error.errors ?? []).map((message) => {
      const where = message.location ? `${message.location.file}:${message.location.line}` : 'unknown file';
      const notes = (message.notes ?? []).map((note) => note.text).join(' ');
      return `${where}: ${message.text}${notes ? ` (${notes})` : ''}`;
    });
    throw new Error(
      messages.length > 0
        ? `the browser bundle does not resolve:\n${messages.join('\n')}`
        : String(error),
    );
  }
  const code = result.outputFiles[0].text;
  // esbuild leaves a require() it cannot resolve external when it sits in a try block: a guarded
  // optional dependency. A Node built-in left that way still fails; anything else is reported.
  const external = Object.entries(result.metafile.inputs).flatMap(([importer, input]) =>
    input.imports.filter((entry) => entry.external).map((entry) => ({ path: entry.path, importer })),
  );
  const builtIns = external.filter((entry) => isNodeBuiltIn(entry.path));
  if (builtIns.length > 0) {
    throw new Error(
      `Node built-ins in the browser bundle:\n${builtIns.map((entry) => `${entry.path} from ${entry.importer}`).join('\n')}`,
    );
  }
  const notes = external.map((entry) => `left unbundled (guarded optional require): ${entry.path} from ${entry.importer}`);
  return { code, notes };
}

function isNodeBuiltIn(specifier) {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
}

function kb(bytes) {
  return Math.round(bytes / 1024);
}

/** Serves one page and the bundle from 127.0.0.1 on a free port. */
async function serveBundle(bundle) {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>bundle</title></head><body>
<script type="module">
import * as newsprint from '/newsprint.js';
window.newsprint = newsprint;
window.newsprintReady = true;
</script></body></html>`;
  const server = createServer((request, response) => {
    if (request.url === '/newsprint.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(bundle);
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}/` };
}

async function checkInChromium(bundle) {
  const { chromium } = requireFromRepo('playwright-core');
  const userDataDir = await makeTempDir('chromium-profile');
  const { server, url } = await serveBundle(bundle);
  let context = null;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: DEFAULT_CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      timeout: BROWSER_TIMEOUT_MS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url, { timeout: BROWSER_TIMEOUT_MS });
    try {
      await page.waitForFunction(() => window.newsprintReady === true, null, { timeout: BROWSER_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`the bundle did not load in the page: ${pageErrors.join('; ') || error.message}`);
    }
    const result = await page.evaluate(
      ({ body, html }) => new Function('newsprint', 'html', body)(window.newsprint, html),
      { body: CONSUMER_CHECK_BODY, html: ARTICLE_HTML },
    );
    return `chromium extract ok (title and ${result.paragraphs} paragraphs)`;
  } finally {
    if (context) await context.close();
    await new Promise((done) => server.close(done));
  }
}

/** Runs one named check; a failure is recorded and the remaining checks still run. */
async function check(name, action) {
  try {
    const message = await action();
    ok(message ?? `${name} ok`);
    return true;
  } catch (error) {
    fail(name, error);
    return false;
  }
}

async function main() {
  const started = Date.now();
  if (!existsSync(join(repoRoot, 'dist', 'index.js'))) {
    console.log('  FAIL  dist/index.js is missing: run `npm run build` first');
    process.exitCode = 1;
    return;
  }
  const packageJson = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
  console.log(`package checks for ${packageJson.name}@${packageJson.version}`);

  const packDir = await makeTempDir('pack');
  let tarball = null;
  await check('npm pack', async () => {
    const packed = await pack(packDir);
    tarball = packed.tarball;
    return checkPackContents(packed.paths);
  });
  if (tarball === null) return;

  let projectDir = null;
  await check('install tarball', async () => {
    projectDir = await installTarball(tarball);
    return 'tarball installs into a fresh project';
  });
  if (projectDir === null) return;

  await check('esm', () => checkNodeConsumer(projectDir, 'esm'));
  await check('cjs', () => checkNodeConsumer(projectDir, 'cjs'));
  await check('tsc node16', () => checkTypeScript(projectDir, 'node16'));
  await check('tsc bundler', () => checkTypeScript(projectDir, 'bundler'));

  let bundle = null;
  await check('browser bundle', async () => {
    const { code, notes } = await bundleForBrowser(projectDir);
    bundle = code;
    for (const note of notes) console.log(`  note  ${note}`);
    return `browser bundle: ${kb(Buffer.byteLength(code))} KB, no Node built-ins`;
  });
  if (bundle !== null) {
    if (existsSync(DEFAULT_CHROMIUM_PATH)) {
      await check('chromium extract', () => checkInChromium(bundle));
    } else {
      console.log(`  skip  browser check skipped: ${DEFAULT_CHROMIUM_PATH} not installed`);
    }
  }
  console.log(`package checks finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await main();
} catch (error) {
  fail('package checks', error);
} finally {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
}
if (failures.length > 0) {
  console.log(`package checks FAILED: ${failures.join(', ')}`);
  process.exitCode = 1;
}
