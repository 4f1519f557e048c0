import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type PreferenceChoice, type Preferences, preferences, savePreferences } from "../../ipc";

/** The query key of the stored preferences. */
export const PREFERENCES_KEY = ["preferences"] as const;

/** What applies when the preferences cannot be read at all: the system's language (as the
 * webview knows it) and theme. */
export function fallbackPreferences(): Preferences {
  return {
    language: "system",
    theme: "system",
    keepRunning: false,
    startAtLogin: false,
    systemLocale: typeof navigator === "undefined" ? null : navigator.language || null,
    unreadable: null,
  };
}

/** The language and theme the user chose, and the system's locale. Read once at start-up; they
 * change only through useSavePreferences. */
export function usePreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: preferences,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The saves of one burst of choices (saves queued one behind another): how many are still to
 * settle, and the preferences last known to be stored, which a failure goes back to. */
type SaveRun = { unsettled: number; stored: Preferences | undefined };

/** Each query client's current run of saves. */
const runs = new WeakMap<QueryClient, SaveRun>();

/** Applies a choice at once and saves it; a choice that cannot be saved is undone.
 *
 * Saves run one after another (one mutation scope), so the file ends with the last choice, and
 * while a later choice waits its turn an earlier save's answer does not show the earlier state
 * again: only the run's last save to settle sets what is shown. A failure goes back to what was
 * last stored: the state before the run, or an earlier save's answer (each choice carries the
 * whole preferences, so it includes the ones before it). When nothing could be read to begin
 * with, the preferences are read again (the system's defaults if they still cannot be). */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: "preferences" },
    mutationFn: (choice: PreferenceChoice) => savePreferences(choice),
    onMutate: async (choice) => {
      // Counted before any await: a second choice right after the first joins the same run.
      const running = runs.get(queryClient);
      const run = running ?? {
        unsettled: 0,
        stored: queryClient.getQueryData<Preferences>(PREFERENCES_KEY),
      };
      run.unsettled += 1;
      runs.set(queryClient, run);
      await queryClient.cancelQueries({ queryKey: PREFERENCES_KEY });
      const shown = queryClient.getQueryData<Preferences>(PREFERENCES_KEY);
      queryClient.setQueryData<Preferences>(PREFERENCES_KEY, {
        ...(shown ?? fallbackPreferences()),
        ...choice,
      });
    },
    onSuccess: (saved) => {
      const run = settle(queryClient);
      run.stored = saved;
      if (run.unsettled === 0) {
        queryClient.setQueryData(PREFERENCES_KEY, saved);
      }
    },
    onError: () => {
      const run = settle(queryClient);
      if (run.unsettled > 0) {
        // A later choice is on its way and carries this one: it settles what is shown.
        return;
      }
      if (run.stored) {
        queryClient.setQueryData(PREFERENCES_KEY, run.stored);
      } else {
        void queryClient.resetQueries({ queryKey: PREFERENCES_KEY });
      }
    },
  });
}

/** One save of the run settled; the run ends with its last. */
function settle(queryClient: QueryClient): SaveRun {
  const run = runs.get(queryClient) ?? { unsettled: 1, stored: undefined };
  run.unsettled -= 1;
  if (run.unsettled === 0) {
    runs.delete(queryClient);
  }
  return run;
}
