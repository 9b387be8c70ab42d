/**
 * The provider records behind the chosen offerings: contact phone and the aggregates the score parts are
 * computed from, read once per request for all items. The record is the authority: a status or blacklist
 * copied onto an offering may be stale, so a provider the record rules out is never shown.
 */
import { MATCHABLE_PROVIDER_STATUSES } from '../lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { Provider } from '../model/provider.model';
import type { DatabasePort } from '../kernel/database.port';
import { PROVIDER_AGGREGATE_FIELDS } from '../reputation/provider-reputation';

export type ChosenProvider = Pick<
  Provider,
  '_id' | 'name' | 'contactPhone' | 'status' | 'blacklisted' | (typeof PROVIDER_AGGREGATE_FIELDS)[number]
>;

const PROVIDER_FIELDS = ['name', 'contactPhone', 'status', 'blacklisted', ...PROVIDER_AGGREGATE_FIELDS];

export class ChosenProviders {
  /** Every provider read so far: its record, or null when it may not be shown. */
  private readonly known = new Map<string, ChosenProvider | null>();

  constructor(private readonly db: DatabasePort) {}

  /** Whether the provider may still be chosen: not read yet, or read and available. */
  mayShow(providerId: string): boolean {
    return this.known.get(providerId) !== null;
  }

  /** The record of a provider `read` found available. */
  record(providerId: string): ChosenProvider {
    const provider = this.known.get(providerId);
    if (provider === undefined || provider === null) throw new Error(`provider ${providerId} not read`);
    return provider;
  }

  /**
   * Read the providers among these not read yet, in one query; true when one of them turned out to be
   * unavailable (suspended, blacklisted, gone), so the selection must be made again without it.
   */
  async read(providerIds: readonly string[]): Promise<boolean> {
    const unread = [...new Set(providerIds)].filter((id) => !this.known.has(id));
    if (unread.length === 0) return false;
    const rows = await this.db.find<ChosenProvider>(
      COLLECTIONS.providers,
      { _id: this.db.command.in(unread) },
      { limit: unread.length, fields: PROVIDER_FIELDS },
    );
    const byId = new Map(rows.map((p) => [p._id, p]));
    let excluded = false;
    for (const id of unread) {
      const p = byId.get(id);
      const available =
        p !== undefined && MATCHABLE_PROVIDER_STATUSES.includes(p.status) && p.blacklisted !== true;
      this.known.set(id, available ? p : null);
      if (!available) excluded = true;
    }
    return excluded;
  }
}
