/**
 * `npm run quality:miniprogram`: WeChat's official code quality scan (DevTools' 代码质量扫描, run through
 * miniprogram-ci's `checkCodeQuality`) and static dependency analysis (`analyseCode`), offline, on the
 * mini-program as DevTools uploads it (TypeScript compiled the way its plugin compiles it, into a temporary
 * folder: scripts/miniprogram-compile.ts). Prints the report; exits 1 when anything fails.
 *
 * Fails on any item the scan marks failed, and, stricter than the scan, on what it only lists: components
 * in the main package used only by subpackages (the scan always passes that item), JS in the main package
 * only subpackages use, unused components, files nothing depends on, and any page or component whose files
 * the analyser cannot resolve.
 *
 * miniprogram-ci leaves a file watcher running after the analysis, so it runs in a child process of its
 * own that exits explicitly when it has written its results.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCompiledProject } from './miniprogram-compile';

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}

export interface AnalysedFile {
  path: string;
  size: number;
  subPackage: string | null;
}

export interface QualityReport {
  items: QualityItem[];
  /** Official package sizes (`PACKAGE_SIZE_LIMIT` detail): `__APP__` is the main package. */
  sizes: Record<string, number>;
  files: AnalysedFile[];
  /** Dependencies the analyser could not resolve: `<module>: <error>`. */
  unresolved: string[];
}

export interface QualityVerdict {
  name: string;
  ok: boolean;
  /** Why it failed, in Chinese; empty when it passed. */
  reason: string;
}

/** The child: run miniprogram-ci on the compiled project, write the results, exit. */
async function child(projectDir: string, outFile: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as {
    Project: new (o: Record<string, unknown>) => unknown;
    checkCodeQuality(p: unknown): Promise<QualityItem[]>;
    analyseCode(
      p: unknown,
      o: { silent: boolean },
    ): Promise<{
      files: AnalysedFile[];
      modules: Array<{ id: string; deps?: Array<{ request: string; error?: string | null }> }>;
    }>;
  };
  const config = JSON.parse(readFileSync(join(projectDir, 'project.config.json'), 'utf8')) as {
    appid: string;
  };
  // checkCodeQuality and analyseCode read no key; the Project insists on one being named.
  const project = new ci.Project({
    appid: config.appid,
    type: 'miniProgram',
    projectPath: projectDir,
    privateKey: 'unused',
  });
  const items = await ci.checkCodeQuality(project);
  const analysis = await ci.analyseCode(project, { silent: true });
  const unresolved = analysis.modules.flatMap((m) =>
    (m.deps ?? []).filter((d) => d.error).map((d) => `${m.id}: ${d.error}`),
  );
  writeFileSync(outFile, JSON.stringify({ items, files: analysis.files, unresolved }));
}

export function runQualityScan(): QualityReport {
  const dir = mkdtempSync(join(tmpdir(), 'weimin-quality-'));
  try {
    writeCompiledProject(dir);
    const out = join(dir, 'report.json');
    execFileSync(process.execPath, ['--import', 'tsx', __filename, '--child', dir, out], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
    });
    const raw = JSON.parse(readFileSync(out, 'utf8')) as Omit<QualityReport, 'sizes'>;
    const size = raw.items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT');
    return { ...raw, sizes: (size?.detail ?? {}) as Record<string, number> };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listed(detail: unknown): string[] {
  if (Array.isArray(detail)) return detail.map(String);
  const d = detail as { files?: unknown[]; comps?: unknown[] } | undefined;
  return (d?.comps ?? d?.files ?? []).map(String);
}

/** What the scan only lists, treated as failures: the item name -> why it is one. */
const STRICT: Record<string, string> = {
  CONTAINS_OTHER_PKG_COMPONENTS:
    '主包中有只被分包使用的组件,应放进使用它的分包(usingComponents 写 /<分包>/miniprogram_npm/…)',
  CONTAINS_OTHER_PKG_JS: '主包中有只被分包使用的 JS,应移进分包',
  CONTAINS_UNUSED_COMPONENTS: '有声明了却未使用的组件',
  CONTAINS_UNUSED_CODES: '有无人依赖的文件(上传时会被过滤,但说明拷贝或代码有多余)',
};

export function judge(report: QualityReport): QualityVerdict[] {
  const verdicts = report.items.map((item) => {
    const extra = STRICT[item.name] !== undefined ? listed(item.detail) : [];
    if (!item.success) {
      const files = listed(item.detail);
      return {
        name: item.name,
        ok: false,
        reason: `官方扫描未通过:${item.text}${files.length > 0 ? ` ${files.join('、')}` : ''}`,
      };
    }
    if (extra.length > 0)
      return { name: item.name, ok: false, reason: `${STRICT[item.name]}:${extra.join('、')}` };
    return { name: item.name, ok: true, reason: '' };
  });
  verdicts.push({
    name: 'ANALYSE_DEPENDENCIES',
    ok: report.unresolved.length === 0,
    reason:
      report.unresolved.length === 0 ? '' : `代码依赖分析有无法解析的文件:${report.unresolved.join(';')}`,
  });
  return verdicts;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function formatQuality(report: QualityReport, verdicts: readonly QualityVerdict[]): string {
  const total = Object.values(report.sizes).reduce((n, b) => n + b, 0);
  const lines = [
    '小程序代码质量扫描(miniprogram-ci checkCodeQuality + analyseCode,离线)',
    `主包 ${kb(report.sizes['__APP__'] ?? 0)};${Object.entries(report.sizes)
      .filter(([k]) => k !== '__APP__')
      .map(([k, b]) => `分包 ${k} ${kb(b)}`)
      .join(';')};总计 ${kb(total)}(${report.files.length} 个文件)`,
  ];
  for (const v of verdicts)
    lines.push(`  ${v.ok ? '通过' : '未通过'} ${v.name}${v.ok ? '' : `:${v.reason}`}`);
  return lines.join('\n');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  const at = process.argv.indexOf('--child');
  if (at >= 0) {
    child(process.argv[at + 1]!, process.argv[at + 2]!)
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        console.error(e);
        process.exit(1);
      });
  } else {
    const report = runQualityScan();
    const verdicts = judge(report);
    console.log(formatQuality(report, verdicts));
    process.exit(verdicts.every((v) => v.ok) ? 0 : 1);
  }
}
