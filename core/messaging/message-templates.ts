/**
 * The subscribe-message templates as the core reads them: database/message-templates.json, the one catalogue
 * the local cloud validates sends against (localcloud/openapi/message-templates.ts) and the deploy maps to
 * WeChat's ids. Imported as a module (resolveJsonModule; esbuild bundles it into each function), not read
 * from disk, so the core stays free of I/O and the catalogue is not written twice.
 *
 * `subscription`: WeChat opens long-term subscriptions (长期订阅) only to some categories of mini-program
 * (政务民生 and other public services); the workers' and staff's notices use them, the residents' are
 * one-time (一次性订阅), asked for at the moment the resident acts (docs/decisions/0024-message-centre.md).
 */
import catalogue from '../../database/message-templates.json';
import type { InboxLine } from '../model/inbox.model';

export const SUBSCRIPTION_KINDS = ['long_term', 'one_time'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export interface TemplateInfo {
  readonly templateId: string;
  readonly title: string;
  /** Template key -> label, in the template's order. */
  readonly keys: readonly (readonly [key: string, label: string])[];
  readonly subscription: SubscriptionKind;
}

interface TemplateSpec {
  readonly title: string;
  readonly subscription?: string;
  readonly keys: Readonly<Record<string, string | { readonly label: string }>>;
}

const SPECS = (catalogue as unknown as { readonly templates: Readonly<Record<string, TemplateSpec>> })
  .templates;

function infoOf(templateId: string, spec: TemplateSpec): TemplateInfo {
  return {
    templateId,
    title: spec.title,
    keys: Object.entries(spec.keys).map(
      ([key, label]) => [key, typeof label === 'string' ? label : label.label] as const,
    ),
    subscription: spec.subscription === 'long_term' ? 'long_term' : 'one_time',
  };
}

export const MESSAGE_TEMPLATES: ReadonlyMap<string, TemplateInfo> = new Map(
  Object.entries(SPECS).map(([id, spec]) => [id, infoOf(id, spec)]),
);

/** The title of a template; an id the catalogue does not know stands for itself. */
export function templateTitle(templateId: string): string {
  return MESSAGE_TEMPLATES.get(templateId)?.title ?? templateId;
}

/**
 * A message's values as labelled lines: the template's keys in its order first, then any key it does not
 * declare (a send the local cloud would refuse, kept here rather than lost), labelled by the key itself.
 */
export function labelledLines(
  templateId: string,
  data: Readonly<Record<string, { readonly value: string }>>,
): InboxLine[] {
  const keys = MESSAGE_TEMPLATES.get(templateId)?.keys ?? [];
  const lines: InboxLine[] = [];
  for (const [key, label] of keys) {
    const value = data[key]?.value;
    if (value !== undefined) lines.push({ label, value });
  }
  for (const [key, entry] of Object.entries(data)) {
    if (!keys.some(([k]) => k === key)) lines.push({ label: key, value: entry.value });
  }
  return lines;
}
