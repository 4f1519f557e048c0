import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { cancelTask, fetchWholeHistory } from "../../ipc";
import { SEARCH_KEY, TRANSACTIONS_KEY } from "../../queries/keys";
import { useTaskProgress } from "../tasks/useTaskProgress";

/** "Fetch the whole history": pages the bank back as far as it serves for one account (or every
 * shown account: null), so that a search can cover everything. However it ends (done,
 * cancelled, failed), what was fetched is stored: the searches and the histories (with their
 * checks) are read again. Its progress is kept here, with the fetch, not in what shows it: a view that comes and
 * goes (the search cleared, a summary that failed) never loses it. */
export function useWholeHistoryFetch() {
  const queryClient = useQueryClient();
  const fetch = useMutation({
    mutationFn: (iban: string | null) => fetchWholeHistory(iban),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: SEARCH_KEY }),
        queryClient.invalidateQueries({ queryKey: TRANSACTIONS_KEY }),
      ]);
    },
  });
  const running = fetch.isPending;
  // Reset as each run starts and ends: a run never opens on the figures of the one before.
  const progress = useTaskProgress("history", running);
  const { reset } = fetch;
  // Read by `forget`, which must stay the same function from render to render.
  const pending = useRef(fetch.isPending);
  pending.current = fetch.isPending;
  return {
    /** Starts fetching, unless a fetch is running already. */
    start: (iban: string | null) => {
      if (!fetch.isPending) {
        fetch.mutate(iban);
      }
    },
    /** Asks Rust to stop at its next page; the fetch then ends as cancelled. */
    cancel: () => {
      // A task that ended meanwhile has nothing to stop: the fetch's own end says how it went.
      cancelTask("history").catch(() => {});
    },
    running,
    /** The latest progress of the running fetch; null before its first step (and when idle). */
    progress,
    outcome: fetch.data ?? null,
    failure: fetch.error,
    /** Forgets how the last fetch ended (a new search); a running fetch is kept. */
    forget: useCallback(() => {
      if (!pending.current) {
        reset();
      }
    }, [reset]),
  };
}

export type WholeHistoryFetch = ReturnType<typeof useWholeHistoryFetch>;
