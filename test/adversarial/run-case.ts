/**
 * Runs one adversarial case in this thread and describes the outcome. Used by the worker the
 * test drives, and as a script by the robustness bench (one process per case, so peak RSS is the case's own):
 * `node --import tsx test/adversarial/run-case.ts <name>` prints one JSON line.
 */
import { extract } from '../../src/index.js';
import { NewsprintError } from '../../src/errors.js';
import { caseNamed, sizeOf } from './generate.js';

export interface CaseOutcome {
  name: string;
  /** Input size: characters for strings, bytes for byte input. */
  size: number;
  /** `article`, a NewsprintError code, or `crash` (any other exception: a bug). */
  outcome: string;
  /** Milliseconds spent in extract(), input generation excluded. */
  ms: number;
  /** Error message for errors and crashes; paragraph count and flags for articles. */
  detail: string;
}

const now = (): number => performance.now();

export function runBuiltCase(name: string, input: string | Uint8Array): CaseOutcome {
  const size = sizeOf(input);
  const started = now();
  try {
    const article = extract(input, { url: 'https://news.example/story/1' });
    const ms = now() - started;
    return { name, size, outcome: 'article', ms, detail: `${article.paragraphs.length} paragraphs, ${article.wordCount} words${article.trace.truncated ? ', truncated' : ''}` };
  } catch (error) {
    const ms = now() - started;
    if (error instanceof NewsprintError) return { name, size, outcome: error.code, ms, detail: error.message };
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { name, size, outcome: 'crash', ms, detail: message };
  }
}

export function runCase(name: string): CaseOutcome {
  return runBuiltCase(name, caseNamed(name).build());
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const name = process.argv[2];
  if (name === undefined) throw new Error('usage: run-case.ts <case name>');
  const result = runCase(name);
  // maxRSS is in kilobytes: the peak resident set of this process, which ran only this case.
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
