import { open as openFile } from 'node:fs/promises';
import packageJson from '../../package.json' with { type: 'json' };
import { parseCommandLine } from './args.js';
import type { CliConfig } from './args.js';
import { EXIT } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { toFailure } from './failure.js';
import { helpText } from './help.js';
import { parseRecord, readLines } from './jsonl.js';
import { mapOrdered } from './ordered.js';
import { createWriter, OutputClosedError } from './output.js';
import { createInlineRunner, createWorkerPool } from './pool.js';
import type { TaskRunner } from './pool.js';
import { createProgress } from './progress.js';
import { isDirectory, isWarcPath, unitForArgument, walkPages } from './sources.js';
import type { Echo, SourceSettings, Unit } from './sources.js';
import type { OutputMode, TaskResult } from './task.js';
import { warcUnits } from './warc.js';

const VERSION: string = packageJson.version;
/** Pages in flight per thread: enough to overlap reading and fetching with extraction, few enough to bound memory. */
const UNITS_IN_FLIGHT_PER_JOB = 4;
/** Explain lines are cut to the terminal; this width when output is not a terminal. */
const DEFAULT_EXPLAIN_WIDTH = 120;

/** The process surface the CLI touches, passed in so nothing below reads globals. */
export interface CliIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** Field holding a success on a JSON line, per output mode. */
const RESULT_FIELD: Readonly<Record<OutputMode, string>> = {
  json: 'article',
  md: 'markdown',
  text: 'text',
  html: 'html',
  explain: 'explain',
};

interface Plan {
  units: AsyncIterable<Unit>;
  total: number | null;
  /** Many results: JSON Lines (json) or sections (other formats) instead of one bare article. */
  batch: boolean;
}

/** A JSON object line: the echoed fields, then the result. The article JSON is spliced in, not re-encoded. */
function jsonLine(echo: Echo, result: TaskResult, mode: OutputMode): string {
  const head = JSON.stringify(echo);
  const opening = head.length > 2 ? `${head.slice(0, -1)},` : '{';
  if (!result.ok) return `${opening}"error":${JSON.stringify(result.failure)}}\n`;
  const value = mode === 'json' ? result.body : JSON.stringify(result.body);
  return `${opening}"${RESULT_FIELD[mode]}":${value}}\n`;
}

async function* fromList<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

async function* jsonlUnits(stdin: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Unit> {
  for await (const line of readLines(stdin, maxBytes)) {
    const request = parseRecord(line, maxBytes);
    yield { echo: request.echo, label: `line ${line.number}`, prepare: request.prepare };
  }
}

async function* chain(sources: readonly (() => AsyncIterable<Unit>)[]): AsyncGenerator<Unit> {
  for (const source of sources) yield* source();
}

/** Turns the arguments into the stream of units to process; null when there is nothing to read. */
async function plan(config: CliConfig, settings: SourceSettings, stdin: NodeJS.ReadStream): Promise<Plan | null> {
  if (config.jsonl) return { units: jsonlUnits(stdin, config.maxBytes), total: null, batch: true };
  const sources: (() => AsyncIterable<Unit>)[] = [];
  let total: number | null = 0;
  let batch = config.inputs.length > 1;
  for (const argument of config.inputs) {
    if (config.warc || isWarcPath(argument)) {
      // Opened only when its turn comes, so an unreadable archive fails as one input, in order.
      const open = async (): Promise<AsyncIterable<Uint8Array>> =>
        argument === '-' ? stdin : (await openFile(argument)).createReadStream();
      sources.push(() => warcUnits(open, argument, config.maxBytes));
      total = null;
      batch = true;
    } else if (await isDirectory(argument)) {
      const pages: Unit[] = [];
      for await (const path of walkPages(argument)) pages.push(unitForArgument(path, settings));
      sources.push(() => fromList(pages));
      if (total !== null) total += pages.length;
      batch = true;
    } else {
      sources.push(() => fromList([unitForArgument(argument, settings)]));
      if (total !== null) total += 1;
    }
  }
  if (total === 0) return null;
  return { units: chain(sources), total, batch };
}

async function run(config: CliConfig, io: CliIo): Promise<ExitCode> {
  const settings: SourceSettings = {
    timeoutMs: config.timeoutMs,
    maxBytes: config.maxBytes,
    userAgent: config.userAgent,
    inputFormat: config.inputFormat,
    encoding: config.encoding,
    url: config.url,
    stdin: io.stdin,
  };
  const work = await plan(config, settings, io.stdin);
  if (work === null) {
    io.stderr.write('newsprint: no input. Name files, directories or URLs, use - for stdin, or --jsonl. See --help.\n');
    return EXIT.NO_INPUT;
  }
  const color = io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '';
  const width = io.stdout.isTTY === true ? (io.stdout.columns ?? DEFAULT_EXPLAIN_WIDTH) : DEFAULT_EXPLAIN_WIDTH;
  const write = createWriter(io.stdout);
  const progress = createProgress(io.stderr, work.batch && io.stdout.isTTY !== true);
  progress.setTotal(work.total);
  // A time limit needs a thread it can kill, so it moves even a single job off the main thread.
  const runner: TaskRunner =
    config.jobs > 1 || config.pageTimeoutMs > 0
      ? createWorkerPool({ size: config.jobs, pageTimeoutMs: config.pageTimeoutMs })
      : createInlineRunner();
  const jsonLines = config.jsonl || (work.batch && config.mode === 'json');
  let failed = 0;

  const process = async (unit: Unit): Promise<{ unit: Unit; result: TaskResult }> => {
    try {
      const page = await unit.prepare();
      const options = {
        url: page.url,
        format: page.format,
        encoding: page.encoding,
        maxInputBytes: config.maxBytes,
        readabilityFallback: config.readabilityFallback,
        readabilityDom: config.readabilityDom,
      };
      const result = await runner.run({ input: page.input, options, mode: config.mode, color: color && !jsonLines, width });
      return { unit, result };
    } catch (error) {
      return { unit, result: { ok: false, failure: toFailure(error) } };
    }
  };

  const emit = async ({ unit, result }: { unit: Unit; result: TaskResult }): Promise<void> => {
    progress.record(result.ok);
    if (!result.ok) failed += 1;
    if (jsonLines) {
      await write(jsonLine(unit.echo, result, config.mode));
      return;
    }
    if (!result.ok) {
      io.stderr.write(`newsprint: ${unit.label}: ${result.failure.code}: ${result.failure.message}\n`);
      return;
    }
    const body = config.mode === 'json' ? JSON.stringify(JSON.parse(result.body), null, 2) : result.body;
    const section = work.batch ? `==> ${unit.label} <==\n` : '';
    await write(`${section}${body}${body.endsWith('\n') ? '' : '\n'}${work.batch ? '\n' : ''}`);
  };

  try {
    await mapOrdered(work.units, Math.max(UNITS_IN_FLIGHT_PER_JOB, config.jobs * UNITS_IN_FLIGHT_PER_JOB), process, emit);
  } catch (error) {
    progress.finish();
    // The reader went away (`| head`): nothing left to say and no one to say it to.
    if (error instanceof OutputClosedError) return EXIT.OK;
    io.stderr.write(`newsprint: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.FATAL;
  } finally {
    await runner.close();
  }
  progress.finish();
  // A mapper that exits non-zero fails its Hadoop task; in --jsonl mode failures are data, on their lines.
  if (config.jsonl) return EXIT.OK;
  return failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
}

/** Runs the command line and returns the exit code. Writes only to the given streams. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const defaultUserAgent = `newsprint/${VERSION} (+https://www.npmjs.com/package/newsprint)`;
  const command = parseCommandLine(argv, defaultUserAgent);
  switch (command.kind) {
    case 'help':
      io.stdout.write(helpText(VERSION));
      return EXIT.OK;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return EXIT.OK;
    case 'usage-error':
      io.stderr.write(`newsprint: ${command.message}\nTry newsprint --help.\n`);
      return EXIT.USAGE;
    case 'run':
      if (command.config.inputs.length === 0 && !command.config.jsonl) {
        io.stderr.write('newsprint: no input. Name files, directories or URLs, use - for stdin, or --jsonl. See --help.\n');
        return EXIT.NO_INPUT;
      }
      return run(command.config, io);
  }
}

// Until main settles, an exit means the event loop drained with work unfinished: never report that as success.
process.exitCode = EXIT.FATAL;
main(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`newsprint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.FATAL;
  },
);
