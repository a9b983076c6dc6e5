#!/usr/bin/env node
// After `tsup`: lists the packages bundled into the library (linkedom and what it brings) with their licences in
// dist/THIRD-PARTY-NOTICES.md, as their licences ask of copies passed on, then removes the build's metafiles.
// Fails when a bundled package has no licence file, so none ships without its notice.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/** The metafiles tsup writes for the library's two formats. */
const METAFILES = ['metafile-esm.json', 'metafile-cjs.json'];
/** A package's own directory within a bundled file's path: the last `node_modules/<name>` (scoped or not). */
const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;
/** Licence files, as packages name them; NOTICE files too, which Apache-2.0 asks to pass on. */
const LICENCE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i;

const packageDirs = new Set();
for (const name of METAFILES) {
  const path = join(DIST, name);
  if (!existsSync(path)) throw new Error(`third-party notices: ${name} is missing; run tsup first`);
  for (const input of Object.keys(JSON.parse(readFileSync(path, 'utf8')).inputs)) {
    const dir = PACKAGE_DIR.exec(input)?.[1];
    if (dir !== undefined) packageDirs.add(dir);
  }
}

const sections = [];
for (const dir of [...packageDirs].sort()) {
  const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
  const files = readdirSync(join(ROOT, dir)).filter((f) => LICENCE_FILE.test(f)).sort();
  if (files.length === 0) throw new Error(`third-party notices: ${manifest.name} (${dir}) has no licence file`);
  const texts = files.map((f) => `\`\`\`\n${readFileSync(join(ROOT, dir, f), 'utf8').trim()}\n\`\`\``);
  sections.push(`## ${manifest.name} ${manifest.version} (${manifest.license ?? 'see below'})\n\n${texts.join('\n\n')}`);
}

const header =
  '# Third-party notices\n\nThe library bundles these packages (linkedom, which the Readability vote runs on, and the packages it ' +
  'brings), so their licences travel with it. newsprint itself is under the MIT licence (LICENSE).\n';
writeFileSync(join(DIST, 'THIRD-PARTY-NOTICES.md'), `${header}\n${sections.join('\n\n')}\n`);
for (const name of METAFILES) rmSync(join(DIST, name));
console.log(`third-party notices: ${sections.length} bundled packages listed in dist/THIRD-PARTY-NOTICES.md`);
