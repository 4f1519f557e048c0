/** What the list needs of a paged query (TanStack's infinite query result fits it as is): the
 * history's pages or a search's. The list neither knows nor cares which. */
export type PagedSource = {
  error: unknown;
  isError: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  isFetchPreviousPageError: boolean;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  fetchPreviousPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
};
