/**
 * Renders each life cycle as Markdown (a Mermaid diagram and the transition table) for
 * docs/life-cycles.md; tests/core/lifecycle/life-cycles-doc.test.ts keeps the document equal to the code.
 */
import { ROLE_LABELS } from '../auth/roles';
import { APPLICATION_LIFECYCLE } from './application.lifecycle';
import { CONCERN_LIFECYCLE } from './concern.lifecycle';
import { ORDER_LIFECYCLE } from './order.lifecycle';
import { PROVIDER_LIFECYCLE } from './provider.lifecycle';
import { TRANSITION_EFFECTS, type Lifecycle } from './state-machine';

export const LIFECYCLES = {
  order: ORDER_LIFECYCLE,
  concern: CONCERN_LIFECYCLE,
  application: APPLICATION_LIFECYCLE,
  provider: PROVIDER_LIFECYCLE,
} as const;

export function lifecycleTableMarkers(name: keyof typeof LIFECYCLES): { start: string; end: string } {
  return {
    start: `<!-- lifecycle:${name}:start (generated from core/lifecycle, do not edit by hand) -->`,
    end: `<!-- lifecycle:${name}:end -->`,
  };
}

export function renderLifecycle<S extends string>(
  name: keyof typeof LIFECYCLES,
  lifecycle: Lifecycle<S>,
): string {
  const { start, end } = lifecycleTableMarkers(name);
  const def = lifecycle.definition;
  const lines: string[] = [start, '', '```mermaid', 'stateDiagram-v2'];
  lines.push(`  [*] --> ${def.creation.status}`);
  const drawn = new Set<string>();
  for (const rule of def.rules) {
    const edge = `${rule.from}->${rule.to}`;
    if (drawn.has(edge)) continue;
    drawn.add(edge);
    lines.push(`  ${rule.from} --> ${rule.to}: ${rule.label}`);
  }
  for (const status of def.statuses) {
    if (lifecycle.isTerminal(status)) lines.push(`  ${status} --> [*]`);
  }
  lines.push('```', '');
  lines.push('| status | 状态 |', '|---|---|');
  for (const status of def.statuses) {
    lines.push(
      `| \`${status}\` | ${def.statusLabels[status]}${lifecycle.isTerminal(status) ? '（终态）' : ''} |`,
    );
  }
  lines.push('');
  lines.push(
    '| from | to | step 步骤 | action | roles | reason | effects |',
    '|---|---|---|---|---|---|---|',
  );
  const c = def.creation;
  lines.push(
    `| (new) | \`${c.status}\` | ${c.label} | \`${c.action}\` | ${c.roles.map((r) => `${r} ${ROLE_LABELS[r]}`).join(', ')} | — | — |`,
  );
  for (const rule of def.rules) {
    const roles = rule.roles.map((r) => `${r} ${ROLE_LABELS[r]}`).join(', ');
    const effects =
      rule.effects === undefined ? '—' : rule.effects.map((e) => TRANSITION_EFFECTS[e]).join('；');
    lines.push(
      `| \`${rule.from}\` | \`${rule.to}\` | ${rule.label} | \`${rule.action}\` | ${roles} | ${rule.reasonRequired ? 'required' : '—'} | ${effects} |`,
    );
  }
  lines.push('', end);
  return lines.join('\n');
}
