import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type PreferenceChoice, type Preferences, preferences, savePreferences } from "../../ipc";

/** The query key of the stored preferences. */
export const PREFERENCES_KEY = ["preferences"] as const;

/** What applies when the preferences cannot be read at all: the system's language (as the
 * webview knows it) and theme. */
export function fallbackPreferences(): Preferences {
  return {
    language: "system",
    theme: "system",
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

/** Applies a choice at once and saves it; a choice that cannot be saved is undone. */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: PreferenceChoice) => savePreferences(choice),
    onMutate: async (choice) => {
      await queryClient.cancelQueries({ queryKey: PREFERENCES_KEY });
      const before = queryClient.getQueryData<Preferences>(PREFERENCES_KEY);
      queryClient.setQueryData<Preferences>(PREFERENCES_KEY, {
        ...(before ?? fallbackPreferences()),
        ...choice,
      });
      return { before };
    },
    onSuccess: (saved) => queryClient.setQueryData(PREFERENCES_KEY, saved),
    onError: (_error, _choice, context) => {
      if (context?.before) {
        queryClient.setQueryData(PREFERENCES_KEY, context.before);
      }
    },
  });
}
