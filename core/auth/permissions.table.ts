/**
 * Renders the authorization matrix as the Markdown tables of docs/permissions.md, so the document is
 * generated from the code (tests/core/auth/permissions-doc.test.ts keeps them equal).
 */
import { ACTIONS, ACTION_LABELS } from './actions';
import { PERMISSION_MATRIX, SCOPES, SCOPE_LABELS, type PermissionRule } from './permissions.matrix';
import { POSITION_LABELS, ROLES, ROLE_LABELS } from './roles';

export const MATRIX_TABLE_START =
  '<!-- permission-matrix:start (generated from core/auth, do not edit by hand) -->';
export const MATRIX_TABLE_END = '<!-- permission-matrix:end -->';

function cell(rule: PermissionRule | undefined): string {
  if (rule === undefined) return '—';
  if (rule.positions === undefined) return rule.scope;
  return `${rule.scope} (${rule.positions.join('/')})`;
}

/** The generated block: scope legend, role legend and the matrix (one row per action, one column per role). */
export function renderPermissionTables(): string {
  const lines: string[] = [MATRIX_TABLE_START, ''];
  lines.push('| scope | 含义 |', '|---|---|');
  for (const scope of SCOPES) lines.push(`| \`${scope}\` | ${SCOPE_LABELS[scope]} |`);
  lines.push('');
  lines.push('| role | 角色 |', '|---|---|');
  for (const role of ROLES) lines.push(`| \`${role}\` | ${ROLE_LABELS[role]} |`);
  lines.push('');
  lines.push(
    `Positions in parentheses: ${Object.entries(POSITION_LABELS)
      .map(([p, label]) => `\`${p}\` ${label}`)
      .join(', ')}.`,
  );
  lines.push('');
  lines.push(`| action | 操作 | ${ROLES.join(' | ')} |`);
  lines.push(`|---|---|${ROLES.map(() => '---').join('|')}|`);
  for (const action of ACTIONS) {
    const cells = PERMISSION_MATRIX[action];
    lines.push(
      `| \`${action}\` | ${ACTION_LABELS[action]} | ${ROLES.map((r) => cell(cells[r])).join(' | ')} |`,
    );
  }
  lines.push('', MATRIX_TABLE_END);
  return lines.join('\n');
}
