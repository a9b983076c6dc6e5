import { parseArgs } from 'node:util';
import type { InputFormat, ReadabilityDom } from '../index.js';
import { READABILITY_DOMS } from '../options.js';
import type { OutputMode } from './task.js';

/** Everything the command line decides, checked and with defaults filled in. */
export interface CliConfig {
  inputs: string[];
  mode: OutputMode;
  jsonl: boolean;
  warc: boolean;
  jobs: number;
  url: string | null;
  inputFormat: InputFormat;
  encoding: string | null;
  timeoutMs: number;
  /** 0 = no limit. */
  pageTimeoutMs: number;
  maxBytes: number;
  userAgent: string;
  readabilityFallback: boolean;
  readabilityDom: ReadabilityDom;
}

export type ParsedCommand =
  | { kind: 'run'; config: CliConfig }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

/** Seconds a URL may take, headers and body, before it fails with TIMEOUT. */
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** Matches the library's `maxInputBytes` default, so a page the library accepts is never cut earlier. */
export const DEFAULT_MAX_BYTES = 50_000_000;
/** Beyond this many threads on one machine the pool only adds memory; also catches typos like `-j 800`. */
const MAX_JOBS = 256;
const FORMATS: readonly OutputMode[] = ['json', 'md', 'text', 'html'];

const OPTION_SPEC = {
  format: { type: 'string', short: 'f' },
  jsonl: { type: 'boolean' },
  warc: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  explain: { type: 'boolean', short: 'e' },
  url: { type: 'string' },
  text: { type: 'boolean' },
  html: { type: 'boolean' },
  encoding: { type: 'string' },
  timeout: { type: 'string' },
  'page-timeout': { type: 'string' },
  'max-bytes': { type: 'string' },
  'user-agent': { type: 'string' },
  'no-fallback': { type: 'boolean' },
  'readability-dom': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

function positiveNumber(flag: string, raw: string | undefined, fallback: number): number | string {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) return `--${flag} must be a positive number; got "${raw}".`;
  return value;
}

/** Reads argv (without `node` and the script) into a command. Pure: no I/O, no process state. */
export function parseCommandLine(argv: readonly string[], defaultUserAgent: string): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };

  const format = values.format ?? 'json';
  if (!FORMATS.includes(format as OutputMode)) {
    return { kind: 'usage-error', message: `--format must be one of ${FORMATS.join(', ')}; got "${format}".` };
  }
  const readabilityDom = values['readability-dom'] ?? 'linkedom';
  if (!READABILITY_DOMS.includes(readabilityDom as ReadabilityDom)) {
    return { kind: 'usage-error', message: `--readability-dom must be one of ${READABILITY_DOMS.join(', ')}; got "${readabilityDom}".` };
  }
  if (values.text === true && values.html === true) {
    return { kind: 'usage-error', message: '--text and --html cannot be used together.' };
  }
  if (values.jsonl === true && positionals.length > 0) {
    return { kind: 'usage-error', message: '--jsonl reads records from stdin; it takes no input arguments.' };
  }
  if (values.jsonl === true && values.warc === true) {
    return { kind: 'usage-error', message: '--jsonl and --warc cannot be used together.' };
  }
  if (values.url !== undefined) {
    if (positionals.length !== 1 || values.jsonl === true || values.warc === true) {
      return { kind: 'usage-error', message: '--url gives the base URL of a single input; name exactly one file or -.' };
    }
    if (!URL.canParse(values.url)) return { kind: 'usage-error', message: `--url is not an absolute URL: "${values.url}".` };
  }
  if (positionals.filter((input) => input === '-').length > 1) {
    return { kind: 'usage-error', message: 'stdin (-) can be named only once.' };
  }

  const jobs = positiveNumber('jobs', values.jobs, 1);
  if (typeof jobs === 'string') return { kind: 'usage-error', message: jobs };
  if (!Number.isInteger(jobs) || jobs > MAX_JOBS) {
    return { kind: 'usage-error', message: `--jobs must be a whole number from 1 to ${MAX_JOBS}; got "${values.jobs ?? ''}".` };
  }
  const timeout = positiveNumber('timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS);
  if (typeof timeout === 'string') return { kind: 'usage-error', message: timeout };
  const pageTimeout = positiveNumber('page-timeout', values['page-timeout'], 0);
  if (typeof pageTimeout === 'string') return { kind: 'usage-error', message: pageTimeout };
  const maxBytes = positiveNumber('max-bytes', values['max-bytes'], DEFAULT_MAX_BYTES);
  if (typeof maxBytes === 'string') return { kind: 'usage-error', message: maxBytes };

  const inputFormat: InputFormat = values.text === true ? 'text' : values.html === true ? 'html' : 'auto';
  return {
    kind: 'run',
    config: {
      inputs: positionals,
      mode: values.explain === true ? 'explain' : (format as OutputMode),
      jsonl: values.jsonl === true,
      warc: values.warc === true,
      jobs,
      url: values.url ?? null,
      inputFormat,
      encoding: values.encoding ?? null,
      timeoutMs: Math.round(timeout * 1000),
      pageTimeoutMs: pageTimeout === 0 ? 0 : Math.max(1, Math.round(pageTimeout * 1000)),
      maxBytes: Math.floor(maxBytes),
      userAgent: values['user-agent'] ?? defaultUserAgent,
      readabilityFallback: values['no-fallback'] !== true,
      readabilityDom: readabilityDom as ReadabilityDom,
    },
  };
}
