/**
 * A paginated, filterable list screen whose URL holds its filters and page, so a link (from the workbench,
 * a provider's page) opens the list as it was and the browser's back button walks the filters.
 *
 *   const list = useListPage({
 *     path: '/orders',
 *     filters: { status: '', itemId: '' },
 *     dates: true,
 *     fetch: (query) => orders(query),
 *   });
 *   // template: <filter-bar v-model:range="list.range.value" @apply="list.apply" @reset="list.reset">
 *   //           <t-table :data="list.rows.value" :pagination="list.pagination.value" @page-change="list.onPage">
 */
import { computed, onMounted, reactive, ref, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { Filters } from '../api/console';
import { useLoading } from './useLoading';

export interface ListReply<Row> {
  readonly items: readonly Row[];
  readonly total: number;
}

export interface ListPageOptions<Reply extends ListReply<unknown>, F extends Record<string, string>> {
  /** The screen's path (the URL the filters are written to). */
  readonly path: string;
  /** The filters and their empty values ('' = not filtered). */
  readonly filters: F;
  /** A date range filter, sent as `from` and `to` (YYYY-MM-DD). */
  readonly dates?: boolean;
  readonly pageSize?: number;
  readonly fetch: (query: Filters) => Promise<Reply>;
}

export function useListPage<Row, Reply extends ListReply<Row>, F extends Record<string, string>>(
  options: ListPageOptions<Reply, F>,
) {
  const route = useRoute();
  const router = useRouter();
  const pageSize = options.pageSize ?? 20;
  const empty = { ...options.filters };
  const filters = reactive({ ...options.filters }) as F;
  const range = ref<string[]>([]);
  const page = ref(1);
  const reply = ref(null) as Ref<Reply | null>;
  const { loading, error, run } = useLoading();

  const rows = computed<Row[]>(() => [...(reply.value?.items ?? [])]);
  const pagination = computed(() => ({
    current: page.value,
    pageSize,
    total: reply.value?.total ?? 0,
    showPageSize: false,
  }));

  function fromQuery(): void {
    const q = route.query;
    for (const key of Object.keys(empty) as (keyof F)[]) {
      const value = q[key as string];
      filters[key] = (typeof value === 'string' ? value : empty[key]) as F[keyof F];
    }
    range.value =
      options.dates === true && typeof q['from'] === 'string' && typeof q['to'] === 'string'
        ? [q['from'], q['to']]
        : [];
    page.value = Number(q['page'] ?? 1) || 1;
  }

  function load(): Promise<void> {
    return run(async () => {
      reply.value = await options.fetch({
        ...filters,
        from: range.value[0],
        to: range.value[1],
        page: page.value,
        pageSize,
      });
    });
  }

  function push(nextPage: number): void {
    const query: Record<string, string> = { page: String(nextPage) };
    for (const [k, v] of Object.entries(filters)) if (v) query[k] = v;
    if (range.value.length === 2 && range.value[0] && range.value[1]) {
      query['from'] = range.value[0];
      query['to'] = range.value[1];
    }
    void router.push({ path: options.path, query });
  }

  const apply = () => push(1);
  function reset(): void {
    Object.assign(filters, empty);
    range.value = [];
    push(1);
  }
  const onPage = (info: { current: number }) => push(info.current);

  // Only while this screen is shown: leaving it changes the route too.
  watch(
    () => route.query,
    () => {
      if (route.path !== options.path) return;
      fromQuery();
      void load();
    },
  );
  onMounted(() => {
    fromQuery();
    void load();
  });

  return {
    filters,
    range,
    page,
    reply,
    rows,
    loading,
    error,
    pagination,
    apply,
    reset,
    onPage,
    reload: load,
  };
}
