import type { WriteStream } from 'node:tty';

/** Redraws at most this often: often enough to look live, rarely enough to cost nothing. */
const REDRAW_INTERVAL_MS = 100;
/** Terminals that report no width (0) get this one. */
const FALLBACK_COLUMNS = 80;
/** Cells of the bar when the total is known. */
const BAR_WIDTH = 24;

export interface Progress {
  setTotal(total: number | null): void;
  record(ok: boolean): void;
  finish(): void;
}

const SILENT: Progress = { setTotal: () => undefined, record: () => undefined, finish: () => undefined };

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The progress line's text, without control codes. Pure, for testing and reuse. */
export function progressLine(done: number, failed: number, total: number | null, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts: string[] = [];
  if (total !== null && total > 0) {
    const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
  } else {
    parts.push(`${done} pages`);
  }
  parts.push(`${rate.toFixed(1)}/s`);
  if (total !== null && done < total && rate > 0) parts.push(`ETA ${clock((total - done) / rate)}`);
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join('  ');
}

/**
 * A one-line progress display on stderr: count, rate, ETA when the total is known, failures.
 * Only on a terminal: when stderr is a file or a pipe (logs, Hadoop), it prints nothing at all;
 * `wanted` is false when the results themselves go to that terminal, where a bar would garble them.
 */
export function createProgress(stream: NodeJS.WriteStream, wanted: boolean): Progress {
  if (!wanted || stream.isTTY !== true) return SILENT;
  const tty = stream as WriteStream;
  const started = Date.now();
  let total: number | null = null;
  let done = 0;
  let failed = 0;
  let lastDraw = 0;
  const draw = (): void => {
    lastDraw = Date.now();
    const line = progressLine(done, failed, total, lastDraw - started);
    tty.write(`\r${line.slice(0, Math.max(10, (tty.columns || FALLBACK_COLUMNS) - 1))}\u001b[K`);
  };
  return {
    setTotal(value) {
      total = value;
    },
    record(ok) {
      done += 1;
      if (!ok) failed += 1;
      if (Date.now() - lastDraw >= REDRAW_INTERVAL_MS) draw();
    },
    finish() {
      if (done > 0) {
        draw();
        tty.write('\n');
      }
    },
  };
}
