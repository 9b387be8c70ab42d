/** The plan as people read it (Chinese), printed by `npm run deploy` before anything is sent. */
import type { DeployPlan } from './plan';

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Variable names with the values of secrets hidden. */
function envSummary(vars: Readonly<Record<string, string>>): string {
  const names = Object.keys(vars);
  return names.length === 0 ? '无' : names.map((n) => (n.startsWith('PII_') ? `${n}=***` : n)).join('、');
}

function ruleSummary(rule: Readonly<Record<string, unknown>>): string {
  return Object.entries(rule)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
}

export function formatPlan(plan: DeployPlan, target: string): string {
  const lines: string[] = [`部署计划(${target})`, '', `云函数 ${plan.functions.length} 个:`];
  for (const f of plan.functions) {
    const triggers = f.triggers.map((t) => `定时 ${t.name} “${t.config}”`).join(';') || '无触发器';
    lines.push(
      `  - ${f.name}:${f.runtime},${f.handler},超时 ${f.timeout} s,内存 ${f.memorySize} MB,代码 ${kb(f.bytes)};${triggers}`,
      `      云调用权限:${f.openapi.length > 0 ? f.openapi.join('、') : '无'};环境变量:${envSummary(f.envVariables)}${f.accessPaths.length > 0 ? `;HTTP 访问路径 ${f.accessPaths.join('、')}` : ''}`,
    );
  }
  const indexCount = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  lines.push('', `数据库集合 ${plan.collections.length} 个,索引 ${indexCount} 个,安全规则逐集合设置:`);
  for (const c of plan.collections) {
    const indexes = c.indexes.map((i) => `${i.name}${i.unique ? '(唯一)' : ''}`).join('、') || '无索引';
    lines.push(`  - ${c.name}:${ruleSummary(c.rule)};${indexes}`);
  }
  lines.push(
    '',
    `订阅消息模板 ${plan.templates.logicalIds.length} 个(${plan.templates.logicalIds.join('、')}):${plan.templates.source ? `微信模板 id 来自 ${plan.templates.source},写入云函数环境变量 TEMPLATE_IDS` : '未提供微信模板 id'}`,
    `管理后台静态文件:${'skipped' in plan.hosting ? plan.hosting.skipped : `${plan.hosting.files.length} 个文件(${kb(plan.hosting.bytes)}),上传到静态网站托管 console/`}`,
    `管理后台 HTTP 访问路径:${'skipped' in plan.access ? plan.access.skipped : `${plan.access.paths.join('、')} → 云函数 ${plan.access.functionName}`}`,
  );
  if (plan.missing.length > 0) {
    lines.push('', '正式部署前还需提供:', ...plan.missing.map((m) => `  - ${m}`));
  }
  if (plan.manualSteps.length > 0) {
    lines.push('', '部署后需人工完成:', ...plan.manualSteps.map((m) => `  - ${m}`));
  }
  return lines.join('\n');
}
