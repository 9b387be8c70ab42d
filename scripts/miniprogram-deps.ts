/**
 * What a mini-program file reaches, the way WeChat resolves it: a component's `.json`/`.js`/`.wxml`/`.wxss`,
 * its `usingComponents`, script imports (relative, or a package in the nearest `miniprogram_npm` up the
 * tree), WXML `<import>`/`<include>`/`<wxs src>`, WXS `require` and WXSS `@import`. Used to copy only the
 * component library files a page uses (copy-miniprogram-npm.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const COMPONENT_FILES = ['.json', '.js', '.ts', '.wxml', '.wxss'];

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function firstFile(candidates: readonly string[]): string | null {
  return candidates.find(isFile) ?? null;
}

function scriptForms(base: string): string[] {
  return [base, `${base}.js`, `${base}.ts`, join(base, 'index.js'), join(base, 'index.ts')];
}

/** A script import from `from`: relative to it, absolute from `root`, or a package in `miniprogram_npm` above. */
export function resolveScript(root: string, from: string, spec: string): string | null {
  if (spec.startsWith('.')) return firstFile(scriptForms(resolve(dirname(from), spec)));
  if (spec.startsWith('/')) return firstFile(scriptForms(join(root, spec)));
  for (let dir = dirname(from); dir.startsWith(root); dir = dirname(dir)) {
    const hit = firstFile(scriptForms(join(dir, 'miniprogram_npm', spec)));
    if (hit !== null) return hit;
    if (dir === root) break;
  }
  return null;
}

/** The files of a component at `base` (a path without extension). */
export function componentFiles(base: string): string[] {
  return COMPONENT_FILES.map((ext) => `${base}${ext}`).filter(isFile);
}

const SCRIPT_IMPORT = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)["']([^"'\n]+)["']/g;
const WXML_IMPORT = /<(?:import|include|wxs)[^>]*\ssrc=["']([^"']+)["']/g;
const WXSS_IMPORT = /@import\s+["']([^"']+)["']/g;

/** The files `file` refers to directly. */
function references(root: string, file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const dir = dirname(file);
  const at = (ref: string) => (ref.startsWith('/') ? join(root, ref) : resolve(dir, ref));
  if (file.endsWith('.json')) {
    let using: Record<string, string>;
    try {
      using = (JSON.parse(text) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
    } catch {
      return [];
    }
    return Object.values(using).flatMap((ref) => componentFiles(at(ref)));
  }
  if (/\.(js|ts|wxs)$/.test(file)) {
    return [...text.matchAll(SCRIPT_IMPORT)]
      .map((m) => resolveScript(root, file, m[1]!))
      .filter((f): f is string => f !== null);
  }
  const pattern = file.endsWith('.wxml') ? WXML_IMPORT : file.endsWith('.wxss') ? WXSS_IMPORT : null;
  if (pattern === null) return [];
  return [...text.matchAll(pattern)]
    .map((m) => firstFile([at(m[1]!)]))
    .filter((f): f is string => f !== null);
}

/** Every file the given files reach, themselves included; `root` is where absolute paths start. */
export function reachFiles(root: string, entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of references(root, file)) if (!seen.has(next)) queue.push(next);
  }
  return seen;
}
