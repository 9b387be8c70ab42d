/**
 * The mini-program as WeChat DevTools uploads it: each TypeScript file compiled to JavaScript on its own, as
 * DevTools' TypeScript compiler plugin does (`useCompilerPlugins: ["typescript"]`: transpiled file by file,
 * CommonJS, no type check), the files `packOptions.ignore` of project.config.json names left out, and only
 * files of the kinds a mini-program package holds (code and media; the official code analyser's list).
 *
 * The size script (miniprogram-size.ts) counts this tree and the official quality scan
 * (miniprogram-quality.ts) reads it written to a temporary folder, so both see the same files.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

export const REPO_ROOT = join(__dirname, '..');
export const MINIPROGRAM_ROOT = join(REPO_ROOT, 'miniprogram');

/**
 * What a package holds, by extension: miniprogram-ci's code analyser (common/code-analyse) lists these for
 * a mini-program; anything else is not uploaded (README.md, tsconfig.json's siblings, stamps).
 */
export const PACKAGE_EXTENSIONS = [
  '.wxml',
  '.wxss',
  '.wxs',
  '.js',
  '.json',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.svg',
  '.cer',
  '.mp3',
  '.aac',
  '.m4a',
  '.mp4',
  '.wav',
  '.ogg',
  '.silk',
  '.wasm',
  '.br',
  '.cur',
  '.ico',
  '.skel',
  '.crt',
  '.cert',
];

export interface UploadFile {
  /** Path inside the mini-program root, forward slashes (`pages/home/home.js`). */
  path: string;
  content: Buffer;
}

interface IgnoreRule {
  type: string;
  value: string;
}

interface ProjectConfig {
  miniprogramRoot?: string;
  packOptions?: { ignore?: IgnoreRule[] };
  [key: string]: unknown;
}

export function readProjectConfig(root: string = REPO_ROOT): ProjectConfig {
  return JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as ProjectConfig;
}

/** Whether `packOptions.ignore` leaves the file out (paths from the mini-program root, case-insensitive). */
export function ignoredByPackOptions(path: string, rules: readonly IgnoreRule[]): boolean {
  const p = path.toLowerCase();
  return rules.some(({ type, value }) => {
    const v = value.toLowerCase().replace(/^\.?\//, '');
    switch (type) {
      case 'file':
        return p === v;
      case 'folder':
        return p === v || p.startsWith(`${v.replace(/\/+$/, '')}/`);
      case 'suffix':
        return p.endsWith(v);
      case 'prefix':
        return p.split('/').pop()!.startsWith(v);
      case 'regexp':
        return new RegExp(value, 'i').test(path);
      default:
        return false;
    }
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : walk(path);
    return [path];
  });
}

/** The compiler options of the mini-program's tsconfig, made to emit what DevTools' plugin emits. */
function compilerOptions(mpRoot: string): ts.CompilerOptions {
  const file = join(mpRoot, 'tsconfig.json');
  const parsed = existsSync(file)
    ? ts.parseJsonConfigFileContent(ts.readConfigFile(file, (f) => ts.sys.readFile(f)).config, ts.sys, mpRoot)
    : undefined;
  return {
    ...(parsed?.options ?? {}),
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    noEmit: false,
    sourceMap: false,
    declaration: false,
    isolatedModules: true,
  };
}

/** The files of the package DevTools would upload, compiled. */
export function uploadFiles(
  mpRoot: string = MINIPROGRAM_ROOT,
  projectRoot: string = REPO_ROOT,
): UploadFile[] {
  const ignore = readProjectConfig(projectRoot).packOptions?.ignore ?? [];
  const options = compilerOptions(mpRoot);
  const out: UploadFile[] = [];
  for (const file of walk(mpRoot)) {
    const path = relative(mpRoot, file).split(sep).join('/');
    if (path.endsWith('.d.ts')) continue;
    if (path.endsWith('.ts')) {
      const js = `${path.slice(0, -3)}.js`;
      if (ignoredByPackOptions(js, ignore)) continue;
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: options,
        fileName: file,
      });
      out.push({ path: js, content: Buffer.from(outputText) });
      continue;
    }
    const dot = path.lastIndexOf('.');
    if (dot < 0 || !PACKAGE_EXTENSIONS.includes(path.slice(dot).toLowerCase())) continue;
    if (ignoredByPackOptions(path, ignore)) continue;
    out.push({ path, content: readFileSync(file) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * A project DevTools or miniprogram-ci can open: project.config.json (with `miniprogramRoot` pointing at the
 * compiled copy) and the compiled mini-program under `<outDir>/miniprogram/`.
 */
export function writeCompiledProject(outDir: string, projectRoot: string = REPO_ROOT): UploadFile[] {
  const files = uploadFiles(join(projectRoot, 'miniprogram'), projectRoot);
  for (const f of files) {
    const target = join(outDir, 'miniprogram', f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
  }
  const config = { ...readProjectConfig(projectRoot), miniprogramRoot: 'miniprogram/' };
  writeFileSync(join(outDir, 'project.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return files;
}
