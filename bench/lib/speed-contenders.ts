/**
 * The extractors and parse-only floors the speed benchmark times, each behind one small interface.
 * Each contender parses the page itself: building a DOM is part of what a user of that library pays.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { Parser, parseDocument } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import type { Article, ExtractOptions } from '../../src/types.js';
import { REPO_ROOT, type BenchPage } from './speed-pages.js';

/** The part of newsprint's public API the bench calls. */
export interface NewsprintModule {
  extract(input: string, options?: ExtractOptions): Article;
  /** The build's defaults: an older build (`--entry`) may lack options this one has. */
  DEFAULT_OPTIONS?: Readonly<Partial<Record<keyof ExtractOptions, unknown>>>;
}

export interface Contender {
  name: string;
  /** Time only every n-th page (1 = all): for contenders too slow to run on every page. */
  sampleEvery: number;
  /** One extraction (or parse); the result is handed to `observe` when given. */
  run(page: BenchPage): unknown;
  observe?: (result: unknown) => void;
}

/** Which build of newsprint to time: a label for the table and the module file to import. */
export interface NewsprintBuild {
  /** `src` (TypeScript through tsx), `dist` (the bundle users install) or a path given with --entry. */
  label: string;
  entry: string;
}

export const SRC_BUILD: NewsprintBuild = { label: 'src', entry: join(REPO_ROOT, 'src', 'index.ts') };
export const DIST_BUILD: NewsprintBuild = { label: 'dist', entry: join(REPO_ROOT, 'dist', 'index.js') };

/** Loads newsprint, or explains why it cannot (e.g. the pipeline is not written yet, or dist is not built). */
export async function loadNewsprint(build: NewsprintBuild): Promise<NewsprintModule | string> {
  if (!existsSync(build.entry)) {
    return `${build.label} entry not found${build === DIST_BUILD ? ' (run npm run build)' : ''}`;
  }
  try {
    // A computed specifier keeps the type checker from following the import into files still being written.
    const loaded = (await import(pathToFileURL(build.entry).href)) as Partial<NewsprintModule>;
    if (typeof loaded.extract !== 'function') return `${build.label} entry has no extract()`;
    return loaded as NewsprintModule;
  } catch (error) {
    return `${build.label} entry failed to load: ${describeError(error)}`;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name} ${code}` : `${error.name}: ${error.message.split('\n')[0] ?? ''}`;
  }
  return String(error);
}

/** What newsprint's own trace says about a run: where the time went and how often the fallback fired. */
export class NewsprintTraceTally {
  readonly stageMs = new Map<string, number>();
  pages = 0;
  fallbacks = 0;
  readabilityWins = 0;
  truncated = 0;

  add(article: Article): void {
    this.pages++;
    for (const [stage, ms] of Object.entries(article.trace.timings)) {
      this.stageMs.set(stage, (this.stageMs.get(stage) ?? 0) + ms);
    }
    if (article.trace.fallback === 'readability') this.fallbacks++;
    if (article.trace.winner === 'readability') this.readabilityWins++;
    if (article.trace.truncated) this.truncated++;
  }
}

export function newsprintContender(module: NewsprintModule, build: NewsprintBuild, tally: NewsprintTraceTally): Contender {
  return {
    name: `newsprint (${build.label})`,
    sampleEvery: 1,
    run: (page) => module.extract(page.html, { url: page.url, format: 'html' }),
    observe: (result) => tally.add(result as Article),
  };
}

export const readabilityOnLinkedom: Contender = {
  name: 'Readability 0.6 on linkedom',
  sampleEvery: 1,
  run: (page) => {
    const { document } = parseHTML(page.html);
    return new Readability(document).parse();
  },
};

/** The part of jsdom's API used here (the package ships no types). */
interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; virtualConsole: unknown }) => { window: { document: Document; close(): void } };
  VirtualConsole: new () => unknown;
}

/** jsdom builds a spec-complete DOM and is an order of magnitude slower: timing a sample keeps the full run short. */
export const JSDOM_DEFAULT_SAMPLE_EVERY = 10;

async function readabilityOnJsdom(sampleEvery: number): Promise<Contender> {
  const specifier: string = 'jsdom';
  const { JSDOM, VirtualConsole } = (await import(specifier)) as JsdomModule;
  // A silent console: jsdom otherwise prints every stylesheet it cannot parse.
  const virtualConsole = new VirtualConsole();
  return {
    name: 'Readability 0.6 on jsdom',
    sampleEvery,
    run: (page) => {
      const dom = new JSDOM(page.html, { url: page.url, virtualConsole });
      try {
        return new Readability(dom.window.document).parse();
      } finally {
        dom.window.close();
      }
    },
  };
}

/** The part of `defuddle/node` used here. */
interface DefuddleModule {
  Defuddle(input: Document, url?: string): Promise<unknown>;
}

/** defuddle runs many passes over the DOM and is several times slower than Readability: a sample keeps the full run short. */
export const DEFUDDLE_DEFAULT_SAMPLE_EVERY = 5;

async function defuddleOnLinkedom(sampleEvery: number): Promise<Contender> {
  const specifier: string = 'defuddle/node';
  const { Defuddle } = (await import(specifier)) as DefuddleModule;
  return {
    name: 'defuddle 0.19 on linkedom',
    sampleEvery,
    run: async (page) => {
      const { document } = parseHTML(page.html);
      // defuddle reads these browser-only APIs, which linkedom leaves out; its README's linkedom recipe needs them too.
      const patched = document as unknown as { styleSheets?: unknown; defaultView: { getComputedStyle?: unknown } | null };
      patched.styleSheets ??= [];
      if (patched.defaultView !== null) patched.defaultView.getComputedStyle ??= () => ({ display: '' });
      return Defuddle(document as unknown as Document, page.url);
    },
  };
}

interface ArticleExtractorModule {
  extractFromHtml(html: string, url?: string): Promise<unknown>;
}

async function articleExtractor(): Promise<Contender> {
  const specifier: string = '@extractus/article-extractor';
  const { extractFromHtml } = (await import(specifier)) as ArticleExtractorModule;
  return {
    name: '@extractus/article-extractor 9',
    sampleEvery: 1,
    run: (page) => extractFromHtml(page.html, page.url),
  };
}

export const LINKEDOM_PARSE_FLOOR = 'floor: linkedom parseHTML';

/** Parse-only floors: what building a tree (or just tokenizing) costs before any extraction logic. */
const linkedomParseOnly: Contender = {
  name: LINKEDOM_PARSE_FLOOR,
  sampleEvery: 1,
  run: (page) => parseHTML(page.html).document,
};

export const HTMLPARSER2_DOCUMENT_FLOOR = 'floor: htmlparser2 parseDocument';

export const htmlparser2Document: Contender = {
  name: HTMLPARSER2_DOCUMENT_FLOOR,
  sampleEvery: 1,
  run: (page) => parseDocument(page.html),
};

/** The streaming tokenizer with no handlers: the least any htmlparser2-based extractor can spend. */
const htmlparser2Tokenize: Contender = {
  name: 'floor: htmlparser2 Parser (no DOM)',
  sampleEvery: 1,
  run: (page) => {
    const parser = new Parser({});
    parser.end(page.html);
    return parser;
  },
};

export const READABILITY_LINKEDOM = readabilityOnLinkedom.name;

/** How often the slow peers are timed: every n-th page; 0 leaves that peer out. */
export interface PeerSampling {
  jsdomEvery: number;
  defuddleEvery: number;
}

/** The peers and floors, in table order. */
export async function peerContenders(sampling: PeerSampling): Promise<Contender[]> {
  const contenders: Contender[] = [readabilityOnLinkedom];
  if (sampling.jsdomEvery > 0) contenders.push(await readabilityOnJsdom(sampling.jsdomEvery));
  if (sampling.defuddleEvery > 0) contenders.push(await defuddleOnLinkedom(sampling.defuddleEvery));
  contenders.push(await articleExtractor());
  contenders.push(linkedomParseOnly, htmlparser2Document, htmlparser2Tokenize);
  return contenders;
}
