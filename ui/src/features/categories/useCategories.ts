import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useIntl } from "react-intl";
import {
  addCategory,
  type Category,
  type CategorySettings,
  categorySettings,
  chooseCategory,
  removeCategory,
  removeRule,
  updateCategory,
} from "../../ipc";
import { DETAIL_KEY, SEARCH_KEY, TRANSACTIONS_KEY } from "../../queries/keys";

export const CATEGORIES_KEY = ["categories"] as const;

/** The categories, named by Rust in the reading language (hence the locale in the key), and the
 * person's rules. */
export function useCategorySettings() {
  const { locale } = useIntl();
  return useQuery({
    queryKey: [...CATEGORIES_KEY, locale],
    queryFn: categorySettings,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The categories by id, for a list's rows: one lookup for the whole list, so a row mounting
 * while the list scrolls subscribes to nothing (a query observer per row was made and dropped
 * for every row scrolled past). Empty while the settings load; the same map while they stay. */
export function useCategoriesById(): ReadonlyMap<number, Category> {
  const categories = useCategorySettings().data?.categories;
  return useMemo(
    () => new Map((categories ?? []).map((category) => [category.id, category])),
    [categories],
  );
}

/** What shows an entry's category: lists, search, charts and the detail. */
function useInvalidateCategorised() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: TRANSACTIONS_KEY }),
      client.invalidateQueries({ queryKey: SEARCH_KEY }),
      client.invalidateQueries({ queryKey: DETAIL_KEY }),
    ]);
}

/** Edits answer with the new settings, which go in the cache of this language; the other
 * language's is read again when next shown. Rows and charts take names and colours from the
 * settings, so only a removed category or an applied rule (which move entries) makes the
 * entries be read again. */
export function useCategoryEdits() {
  const client = useQueryClient();
  const { locale } = useIntl();
  const invalidateEntries = useInvalidateCategorised();
  const settled = (settings: CategorySettings) => {
    client.setQueryData([...CATEGORIES_KEY, locale], settings);
    void client.invalidateQueries({
      queryKey: CATEGORIES_KEY,
      predicate: (query) => query.queryKey[1] !== locale,
    });
  };
  const settledMovingEntries = (settings: CategorySettings) => {
    settled(settings);
    void invalidateEntries();
  };
  return {
    add: useMutation({
      mutationFn: ({ name, colour }: { name: string; colour: string }) => addCategory(name, colour),
      onSuccess: settled,
    }),
    update: useMutation({
      mutationFn: ({ id, name, colour }: { id: number; name: string; colour: string }) =>
        updateCategory(id, name, colour),
      onSuccess: settled,
    }),
    remove: useMutation({ mutationFn: removeCategory, onSuccess: settledMovingEntries }),
    removeRule: useMutation({ mutationFn: removeRule, onSuccess: settled }),
    /** After a rule was saved: its settings, and the entries it changed. */
    ruleSaved: settledMovingEntries,
    /** After a rule's save failed: it may be stored, so the settings are read again. */
    ruleFailed: () => client.invalidateQueries({ queryKey: CATEGORIES_KEY }),
  };
}

/** The person's choice of category for one entry (null: the rules decide again). */
export function useChooseCategory(iban: string, id: string) {
  const invalidate = useInvalidateCategorised();
  return useMutation({
    mutationFn: (categoryId: number | null) => chooseCategory(iban, id, categoryId),
    onSuccess: invalidate,
  });
}
