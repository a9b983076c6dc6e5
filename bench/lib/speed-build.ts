/**
 * Makes sure dist/ is current before the bench times it: users run the bundle, so the bench does too,
 * and a stale bundle would time yesterday's code without a word. Same check as `npm start`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './speed-pages.js';

/** Newest modification time of any file under `dir` (0 when empty). */
function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why `entry` needs building (missing, or older than src/ or the build config), or `null` when it is current. */
export function staleReason(entry: string, root: string = REPO_ROOT): string | null {
  if (!existsSync(entry)) return 'dist/ is missing';
  const built = statSync(entry).mtimeMs;
  const sourceDir = join(root, 'src');
  if (existsSync(sourceDir) && newestModification(sourceDir) > built) return 'dist/ is older than src/';
  const config = join(root, 'tsup.config.ts');
  if (existsSync(config) && statSync(config).mtimeMs > built) return 'dist/ is older than tsup.config.ts';
  return null;
}

/** Builds with `npm run build` when `entry` is stale; the build's output goes to stderr so the report stays clean. */
export function buildIfStale(entry: string): { built: boolean; error?: string } {
  const reason = staleReason(entry);
  if (reason === null) return { built: false };
  process.stderr.write(`Building newsprint (${reason})…\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (result.status !== 0) return { built: false, error: `npm run build failed (exit ${result.status ?? result.signal ?? 'unknown'})` };
  return { built: true };
}
