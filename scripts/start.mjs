// `npm start`: build the package if the build is missing or stale, extract the bundled example page
// (or a page given as an argument) with the built library, and print a short summary and the Markdown.
// Node built-ins only, so it runs straight after cloning and `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_ENTRY = join(ROOT, 'dist', 'index.js');
const EXAMPLE_PAGE = join(ROOT, 'examples', 'article.html');
/** The invented address of the example page, so relative links resolve as they would on a real site. */
const EXAMPLE_URL = 'https://www.eastmerechronicle.example/news/town-clock-restored';
/** How many body paragraphs the summary quotes, and how much of each: enough to judge the start of the body. */
const QUOTED_PARAGRAPHS = 3;
const QUOTE_CHARS = 240;

function newestModification(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  if (!existsSync(BUILT_ENTRY)) return true;
  const sourceDir = join(ROOT, 'src');
  return existsSync(sourceDir) && newestModification(sourceDir) > statSync(BUILT_ENTRY).mtimeMs;
}

function build() {
  console.log('Building newsprint (dist/ is missing or older than src/)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('The build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

function clip(text, limit) {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

function orNone(value) {
  return value === null || value === undefined || value === '' ? '(none)' : String(value);
}

function printSummary(article) {
  const line = (label, value) => console.log(`${label.padEnd(11)} ${value}`);
  line('Title', orNone(article.title));
  line('Authors', article.authors.length > 0 ? article.authors.join(', ') : '(none)');
  line('Published', orNone(article.published));
  line('Language', orNone(article.lang));
  line('Site', orNone(article.siteName));
  line('Words', String(article.wordCount));
  line('Confidence', article.confidence.toFixed(2));
  if (article.headings.length > 0) {
    console.log('\nHeadings');
    for (const heading of article.headings) console.log(`${'  '.repeat(Math.max(0, heading.level - 1))}- ${heading.text}`);
  }
  if (article.paragraphs.length > 0) {
    console.log(`\nFirst paragraphs (${article.paragraphs.length} in all)`);
    for (const paragraph of article.paragraphs.slice(0, QUOTED_PARAGRAPHS)) console.log(`  ${clip(paragraph, QUOTE_CHARS)}\n`);
  }
  if (article.related.length > 0) {
    console.log('Related links');
    for (const link of article.related) console.log(`  - ${link.title}${link.url === null ? '' : ` <${link.url}>`}${link.section === null ? '' : `  [${link.section}]`}`);
  }
  const timings = Object.entries(article.trace.timings).map(([stage, ms]) => `${stage} ${ms.toFixed(1)} ms`);
  console.log(`\nTrace       ${article.trace.format} path, ${article.trace.blockCount} blocks${article.trace.fallback === null ? '' : `, fallback ${article.trace.fallback} (winner: ${article.trace.winner})`}`);
  if (timings.length > 0) console.log(`            ${timings.join(', ')}`);
}

async function main() {
  if (buildIsStale()) build();
  const newsprint = await import(pathToFileURL(BUILT_ENTRY).href);

  const pagePath = process.argv[2] === undefined ? EXAMPLE_PAGE : resolve(process.cwd(), process.argv[2]);
  const url = process.argv[2] === undefined ? EXAMPLE_URL : null;
  const html = readFileSync(pagePath, 'utf8');

  let article;
  try {
    article = newsprint.extract(html, { url });
  } catch (error) {
    if (error instanceof newsprint.NewsprintError) {
      console.error(`newsprint could not extract ${pagePath}: [${error.code}] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  console.log(`newsprint: ${pagePath}\n`);
  printSummary(article);
  if (typeof newsprint.toMarkdown === 'function') {
    console.log('\n--- Markdown ' + '-'.repeat(50) + '\n');
    console.log(newsprint.toMarkdown(article));
  } else {
    console.log('\n(This build does not export toMarkdown yet; no Markdown rendering shown.)');
  }
}

await main();
