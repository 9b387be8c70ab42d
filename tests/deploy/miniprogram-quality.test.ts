/**
 * WeChat's official quality scan (miniprogram-ci checkCodeQuality and analyseCode, offline, on the
 * mini-program as DevTools uploads it) passes every item, and the project's own size figures are the
 * official ones. project.config.json holds settings DevTools knows, of the types it expects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureMiniprogram, type MiniprogramSize } from '../../scripts/miniprogram-size';
import { formatQuality, judge, runQualityScan, type QualityReport } from '../../scripts/miniprogram-quality';
import { REPO } from './support/deploy-inputs';

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
}

const projectConfig = JSON.parse(readFileSync(join(REPO, 'project.config.json'), 'utf8')) as Record<
  string,
  unknown
>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = require('miniprogram-ci/dist/schema/dist/projectconfig.js') as SchemaNode;

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'number' ? 'number' : typeof value;
}

/** The JSON types a schema node allows (anyOf flattened). */
function allowedTypes(node: SchemaNode): string[] {
  const own = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  return [...own, ...(node.anyOf ?? []).flatMap(allowedTypes)].map((t) => (t === 'integer' ? 'number' : t));
}

describe('the official quality scan', () => {
  let report: QualityReport;
  let size: MiniprogramSize;

  beforeAll(() => {
    report = runQualityScan();
    size = measureMiniprogram();
    console.log(formatQuality(report, judge(report)));
  });

  it('runs every item of the scan and resolves every page and component', () => {
    expect(report.items.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        'PACKAGE_SIZE_LIMIT',
        'WXML_COMPRESS_OPEN',
        'WXSS_COMPRESS_OPEN',
        'CONTAINS_UNUSED_CODES',
      ]),
    );
    expect(report.files.some((f) => f.path === 'pages/home/home.js')).toBe(true);
  });

  it('passes every item', () => {
    expect(judge(report).filter((v) => !v.ok)).toEqual([]);
  });

  it('measures the packages as the project does: npm run size:miniprogram gives the official figures', () => {
    expect(size.main).toBe(report.sizes['__APP__']);
    for (const [root, bytes] of Object.entries(size.subpackages))
      expect(report.sizes[`${root}/`]).toBe(bytes);
    expect(size.total).toBe(report.files.reduce((n, f) => n + f.size, 0));
    expect(size.main).toBeLessThan(1024 * 1024);
  });
});

describe('judging a report', () => {
  const passing = (name: string) => ({ name, success: true, text: '' });

  it('fails an item the scan passes but lists: a main-package component only a subpackage uses', () => {
    const verdicts = judge({
      items: [
        { ...passing('CONTAINS_OTHER_PKG_COMPONENTS'), detail: { size: 1, files: [], comps: ['x/radio'] } },
      ],
      sizes: {},
      files: [],
      unresolved: [],
    });
    expect(verdicts[0]).toEqual({
      name: 'CONTAINS_OTHER_PKG_COMPONENTS',
      ok: false,
      reason: expect.stringContaining('x/radio'),
    });
  });

  it('fails an item the scan fails, and an unresolved dependency', () => {
    const verdicts = judge({
      items: [{ name: 'WXML_COMPRESS_OPEN', success: false, text: 'WXML compression is not turned on' }],
      sizes: {},
      files: [],
      unresolved: ['Page:pages/a/a.json: Couldn\'t resolve the Js file "pages/a/a.js"'],
    });
    expect(verdicts.map((v) => v.ok)).toEqual([false, false]);
    expect(verdicts[1]!.reason).toContain('pages/a/a.js');
  });
});

describe('project.config.json', () => {
  it('compiles TypeScript with DevTools’ plugin and compresses JS, WXML and WXSS on upload', () => {
    expect(projectConfig['setting']).toMatchObject({
      useCompilerPlugins: ['typescript'],
      minified: true,
      minifyWXML: true,
      minifyWXSS: true,
      ignoreUploadUnusedFiles: true,
      packNpmManually: false,
    });
    expect(projectConfig['cloudfunctionRoot']).toBe('build/functions/');
  });

  it('holds only settings DevTools knows, each of the type it expects (miniprogram-ci’s schema)', () => {
    const check = (value: Record<string, unknown>, node: SchemaNode, at: string) => {
      for (const [key, v] of Object.entries(value)) {
        const spec = node.properties?.[key];
        expect({ at: `${at}${key}`, known: spec !== undefined }).toEqual({ at: `${at}${key}`, known: true });
        if (spec && allowedTypes(spec).length > 0) expect(allowedTypes(spec)).toContain(jsonType(v));
      }
    };
    check(projectConfig, schema, '');
    check(projectConfig['setting'] as Record<string, unknown>, schema.properties!['setting']!, 'setting.');
  });
});
