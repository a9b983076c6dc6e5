/**
 * Runs every adversarial case (heavy ones included) in its own process and writes the table of
 * outcome, time and peak RSS into docs/robustness.md.
 *
 *   node --import tsx bench/robustness.ts            all cases
 *   node --import tsx bench/robustness.ts --light    without the 50 MB and million-element cases
 *   node --import tsx bench/robustness.ts --dry-run  print the table, leave the docs alone
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADVERSARIAL_CASES } from '../test/adversarial/generate.js';
import { timeBoundMs } from '../test/adversarial/harness.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROBUSTNESS_DOC = join(REPO_ROOT, 'docs', 'robustness.md');
const RUN_CASE = join(REPO_ROOT, 'test', 'adversarial', 'run-case.ts');

/** A case that has not answered after this long is reported as a hang and its process killed. */
const CASE_TIMEOUT_MS = 300_000;

/** Room for the largest case's input, its copies and the article: above the default 4 GB would hide a blow-up. */
const CHILD_HEAP_MB = 4096;

export interface CaseRow {
  name: string;
  what: string;
  size: number;
  outcome: string;
  ms: number;
  peakRssMb: number;
  detail: string;
}

/** Runs `test/adversarial/run-case.ts <name>` in a fresh process: its peak RSS is the case's own. */
export function runCaseInChild(name: string, what: string): CaseRow {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, '--import', 'tsx', RUN_CASE, name], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: CASE_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.error !== undefined || child.status !== 0 || !line.startsWith('{')) {
    const timedOut = child.error !== undefined && 'code' in child.error && child.error.code === 'ETIMEDOUT';
    const reason = timedOut ? 'hang' : 'process-died';
    const stderr = child.stderr.trim().split('\n').slice(-2).join(' ').slice(0, 200);
    return { name, what, size: 0, outcome: reason, ms: timedOut ? CASE_TIMEOUT_MS : 0, peakRssMb: 0, detail: stderr || `exit ${String(child.status)} ${String(child.signal)}` };
  }
  const parsed = JSON.parse(line) as Omit<CaseRow, 'what'>;
  return { ...parsed, what };
}

function formatSize(size: number): string {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1)} MB`;
  return `${(size / 1024).toFixed(0)} KB`;
}

function verdict(row: CaseRow): string {
  if (row.outcome === 'crash' || row.outcome === 'hang' || row.outcome === 'process-died') return `**FAIL** (${row.outcome})`;
  return row.ms < timeBoundMs(row.size) ? 'ok' : '**over bound**';
}

export function robustnessTable(rows: readonly CaseRow[]): string {
  const lines = [
    '| input | size | outcome | time | peak RSS | within bound |',
    '|---|---:|---|---:|---:|---|',
    ...rows.map((r) => `| \`${r.name}\`: ${r.what.replace(/</g, '&lt;')} | ${r.size === 0 ? '—' : formatSize(r.size)} | ${r.outcome} | ${Math.round(r.ms).toLocaleString('en-US')} ms | ${r.peakRssMb === 0 ? '—' : `${Math.round(r.peakRssMb)} MB`} | ${verdict(r)} |`),
  ];
  return lines.join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in docs/robustness.md. */
export function writeDocSection(name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = existsSync(ROBUSTNESS_DOC) ? readFileSync(ROBUSTNESS_DOC, 'utf8') : '# Robustness\n';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  const section = `${start}\n${body.trim()}\n${end}`;
  const next = from >= 0 && to > from ? `${doc.slice(0, from)}${section}${doc.slice(to + end.length)}` : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(ROBUSTNESS_DOC, next);
}

function main(): void {
  const light = process.argv.includes('--light');
  const dryRun = process.argv.includes('--dry-run');
  const rows: CaseRow[] = [];
  for (const adversarial of ADVERSARIAL_CASES) {
    if (light && adversarial.heavy) continue;
    const row = runCaseInChild(adversarial.name, adversarial.what);
    rows.push(row);
    process.stderr.write(`${row.name.padEnd(28)} ${row.outcome.padEnd(16)} ${Math.round(row.ms).toString().padStart(7)} ms ${Math.round(row.peakRssMb).toString().padStart(5)} MB\n`);
  }
  const table = robustnessTable(rows);
  const when = new Date().toISOString().slice(0, 10);
  const body = `Measured ${when} with \`node --import tsx bench/robustness.ts${light ? ' --light' : ''}\` (Node ${process.version}), one process per input; time is extract() alone, peak RSS is the whole process (Node with tsx is about 100 MB); sizes in MiB of characters (bytes for byte input). The bound is 2 ms per KB + 2 s.\n\n${table}`;
  if (dryRun) process.stdout.write(`${body}\n`);
  else writeDocSection('adversarial', body);
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) main();
