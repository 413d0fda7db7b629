import type { Container, SqlQuerySpec } from "@azure/cosmos";

/**
 * Read a query's results a page at a time, following the store's continuation tokens, so a caller
 * can handle (or stream) each page before the next is fetched. Nothing holds the whole result.
 */
export async function* pagesOf<T>(container: Container, query: string | SqlQuerySpec, pageSize = 1000): AsyncGenerator<T[]> {
  const iterator = container.items.query<T>(query, { maxItemCount: pageSize });
  while (iterator.hasMoreResults()) {
    const { resources } = await iterator.fetchNext();
    if (resources?.length) yield resources;
  }
}

/** Every result of a query, read page by page (for small or projected results). */
export async function allPages<T>(container: Container, query: string | SqlQuerySpec, pageSize = 1000): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pagesOf<T>(container, query, pageSize)) out.push(...page);
  return out;
}
