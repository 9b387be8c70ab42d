/**
 * Which stored fields hold a natural person's personal data and are therefore sealed at rest (decision
 * 0012): the residents' names, phone numbers and service addresses wherever the model stores them, the
 * people behind party registrations and objections, what a resident writes in a privacy request, the copy of
 * a held text in the moderation queue (a held service address is one), and the
 * idempotency store's copies of replies and payloads (a stored `profile.bind` reply holds the nickname; a
 * payload fingerprint is a fast hash of the phone number typed).
 *
 * Left in plain text, on purpose: ids and openids (keys every query needs), org paths (scope), times,
 * statuses, money; business and public contact data (a provider's name, legal representative, business
 * phone and address; stations, party organisations, joint-meeting offices, volunteer team leaders, all
 * published); free text that workers moderate and ledgers print (an order's note, a rating's text, a
 * follow-up's summary, a concern's content). docs/decisions/0012 gives the reasons.
 */
import type { CollectionName } from '../model/collections.model';

export interface SealedField {
  /** Dotted path inside the document (`onBehalfOf.phone`); never inside an array. */
  readonly path: string;
  /** `text` (default): a string; `json`: any JSON value, sealed as its JSON text. */
  readonly kind?: 'text' | 'json';
  /**
   * The field beside it that holds the keyed hash (blind index) of its value, for equality lookups: a query
   * `{ phone: '139…' }` is answered as `{ phoneHash: in(hashes) }`.
   */
  readonly blindIndex?: string;
}

export const PERSONAL_DATA_FIELDS: Readonly<Partial<Record<CollectionName, readonly SealedField[]>>> = {
  users: [{ path: 'nickname' }, { path: 'realName' }, { path: 'phone', blindIndex: 'phoneHash' }],
  orders: [
    { path: 'residentName' },
    { path: 'serviceAddress' },
    // 代下单: the resident's consent in the worker's words (it may quote their name or phone).
    { path: 'placedBy.consent.statement' },
  ],
  concerns: [
    { path: 'residentName' },
    { path: 'onBehalfOf.name' },
    { path: 'onBehalfOf.phone' },
    { path: 'onBehalfOf.consent.statement' },
  ],
  party_members: [{ path: 'name' }, { path: 'phone' }],
  dual_registrations: [{ path: 'name' }, { path: 'contactPhone' }, { path: 'secretaryName' }],
  application_objections: [{ path: 'contactPhone' }],
  privacy_requests: [{ path: 'content' }],
  // A held text's copy for the moderators: it may be a service address (and a note may quote a phone).
  moderation_items: [{ path: 'text' }],
  idempotency_keys: [{ path: 'fingerprint' }, { path: 'result', kind: 'json' }],
};

/** The sealed fields of a collection (none for most). */
export function sealedFieldsOf(collection: string): readonly SealedField[] {
  return (
    (PERSONAL_DATA_FIELDS as Readonly<Record<string, readonly SealedField[] | undefined>>)[collection] ?? []
  );
}

/** What a sealed value is bound to: the collection and the field (`users.phone`). */
export function fieldContext(collection: string, field: SealedField): string {
  return `${collection}.${field.path}`;
}
