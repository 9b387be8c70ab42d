/**
 * What the functions' code does that deployment must declare, read from the code itself with TypeScript's
 * type checker:
 *
 * - **Cloud calls.** Every `cloud.openapi.<category>.<method>(…)` lives in a function-kit adapter whose
 *   return type is one of the core's ports (`createWxNotifier(): Notifier` sends `subscribeMessage.send`).
 *   Every call of a port's method in the core, the kit or a function (`ports.contentSecurity.check(…)`) is a
 *   call site of that port's open APIs. A function makes a cloud call when a call site survives in its
 *   bundle (esbuild drops what the function cannot reach): the site's module section of the built
 *   index.js still holds `<receiver>.<method>(`.
 * - **Collections.** Every call of a database port method (`DatabasePort`, `TransactionPort`) whose
 *   collection argument is a known string (`COLLECTIONS.orders`, or a literal) names a collection the code
 *   uses.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const OPENAPI_CALL = /\.openapi\.([A-Za-z0-9]+)\.([A-Za-z0-9]+)$/;
const DATABASE_PORTS = new Set(['DatabasePort', 'TransactionPort']);

export interface PortCallSite {
  /** The file, relative to the repository root, with forward slashes. */
  file: string;
  /** `<receiver>.<method>` as written, whitespace removed (`ports.contentSecurity.check`). */
  callee: string;
  port: string;
  apis: readonly string[];
}

export interface CodeScan {
  /** Port interface name -> the open APIs its adapter calls. */
  portApis: ReadonlyMap<string, readonly string[]>;
  /** Open API calls outside a port adapter (each one a problem: nothing ties it to a function). */
  strayOpenApiCalls: readonly string[];
  callSites: readonly PortCallSite[];
  /** Collections named by database port calls in the code, sorted. */
  collections: readonly string[];
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function program(root: string): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json 无法读取');
  const rootNames = ['core', 'function-kit', 'cloudfunctions', 'typings'].flatMap((d) =>
    tsFiles(join(root, d)),
  );
  return ts.createProgram({ rootNames, options: { ...config.options, noEmit: true } });
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** The name of the interface (or type alias) a type is, if any. */
function typeName(checker: ts.TypeChecker, type: ts.Type): string | undefined {
  const t = checker.getNonNullableType(type);
  return (t.aliasSymbol ?? t.getSymbol())?.getName();
}

function enclosingFunction(node: ts.Node): ts.FunctionDeclaration | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n)) return n;
  }
  return undefined;
}

function scanAdapters(
  checker: ts.TypeChecker,
  files: readonly ts.SourceFile[],
): { portApis: Map<string, string[]>; stray: string[] } {
  const portApis = new Map<string, string[]>();
  const stray: string[] = [];
  for (const sf of files) {
    walk(sf, (n) => {
      if (!ts.isCallExpression(n)) return;
      const m = OPENAPI_CALL.exec(n.expression.getText(sf).replace(/\s+/g, ''));
      if (!m) return;
      const api = `${m[1]}.${m[2]}`;
      const fn = enclosingFunction(n);
      const signature = fn ? checker.getSignatureFromDeclaration(fn) : undefined;
      const port = signature ? typeName(checker, checker.getReturnTypeOfSignature(signature)) : undefined;
      if (!port || port === 'Promise') {
        const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
        stray.push(`${sf.fileName}:${line + 1} ${api}`);
        return;
      }
      const apis = portApis.get(port) ?? [];
      if (!apis.includes(api)) apis.push(api);
      portApis.set(port, apis);
    });
  }
  return { portApis, stray };
}

/** The string values a collection argument can take, when the checker knows them. */
function literalValues(checker: ts.TypeChecker, node: ts.Expression): string[] {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((p) => p.isStringLiteral()) ? parts.map((p) => (p as ts.StringLiteralType).value) : [];
}

export function scanCode(root: string): CodeScan {
  const prog = program(root);
  const checker = prog.getTypeChecker();
  const own = prog
    .getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile && !relative(root, sf.fileName).startsWith('..'));
  const kit = own.filter((sf) => relative(root, sf.fileName).startsWith(`function-kit${sep}`));
  const { portApis, stray } = scanAdapters(checker, kit);
  const callSites: PortCallSite[] = [];
  const collections = new Set<string>();
  for (const sf of own) {
    const file = relative(root, sf.fileName).split(sep).join('/');
    walk(sf, (n) => {
      if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return;
      const port = typeName(checker, checker.getTypeAtLocation(n.expression.expression));
      if (port === undefined) return;
      const apis = portApis.get(port);
      if (apis) {
        callSites.push({ file, callee: n.expression.getText(sf).replace(/\s+/g, ''), port, apis });
      }
      if (DATABASE_PORTS.has(port) && n.arguments[0] && typeof n.arguments[0] !== 'undefined') {
        for (const name of literalValues(checker, n.arguments[0])) collections.add(name);
      }
    });
  }
  return { portApis, strayOpenApiCalls: stray, callSites, collections: [...collections].sort() };
}

/** A bundle's code by module: esbuild writes `// <path>` before each module it bundles (not minified). */
export function bundleModules(code: string): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  let lines: string[] = [];
  const flush = () => {
    if (current) out.set(current, (out.get(current) ?? '') + lines.join('\n'));
  };
  for (const line of code.split('\n')) {
    const m = /^\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:ts|js|mjs|cjs))$/.exec(line);
    if (m) {
      flush();
      current = m[1]!;
      lines = [];
    } else lines.push(line);
  }
  flush();
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The call as it reads in a bundle: esbuild keeps property names but may suffix a local name with a number
 * to keep it apart from another module's (`ports` becomes `ports2`).
 */
function calleePattern(callee: string): RegExp {
  const [head, ...rest] = callee.split('.');
  return new RegExp(`(?<![\\w$])${escape(head!)}\\d*${rest.map((r) => `\\.${escape(r)}`).join('')}\\(`);
}

/** The open APIs a built function calls: the call sites that survive in its bundle. */
export function cloudCallsOf(bundleFile: string, scan: CodeScan): string[] {
  const modules = bundleModules(readFileSync(bundleFile, 'utf8'));
  const apis = new Set<string>();
  for (const site of scan.callSites) {
    const section = modules.get(site.file);
    if (section !== undefined && calleePattern(site.callee).test(section.replace(/\s*([.(])\s*/g, '$1'))) {
      site.apis.forEach((a) => apis.add(a));
    }
  }
  return [...apis].sort();
}
