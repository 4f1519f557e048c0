import { type RefObject, useId } from "react";
import { useT } from "../../i18n/useT";
import type { SearchQuery } from "../../ipc";
import { ExportButton } from "../export/ExportButton";
import { activeFilterCount, isSearching } from "./searchQuery";

/** The search field above the list, the Filters toggle with how many are set, Clear, and Export
 * of what is shown (`exportQuery`). Escape in the field empties it. */
export function SearchBar({
  field,
  draft,
  filtersOpen,
  filtersId,
  exportQuery,
  onText,
  onToggleFilters,
  onClear,
}: {
  field: RefObject<HTMLInputElement | null>;
  draft: SearchQuery;
  filtersOpen: boolean;
  /** The filter row's id, which the toggle controls. */
  filtersId: string;
  exportQuery: SearchQuery;
  onText: (text: string) => void;
  onToggleFilters: () => void;
  onClear: () => void;
}) {
  const t = useT();
  const fieldId = useId();
  const countId = useId();
  const filters = activeFilterCount(draft);
  return (
    <search className="search-bar" data-testid="search-bar">
      <label htmlFor={fieldId} className="visually-hidden">
        {t("search.field.label")}
      </label>
      <input
        ref={field}
        id={fieldId}
        type="search"
        className="search-field"
        placeholder={t("search.field.placeholder")}
        aria-keyshortcuts="Control+F /"
        autoComplete="off"
        spellCheck={false}
        value={draft.text}
        onChange={(event) => onText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && draft.text !== "") {
            // Empties the field only; the filters stay, as they are set apart from it.
            event.preventDefault();
            onText("");
          }
        }}
      />
      <button
        type="button"
        className={
          filters > 0
            ? "button small search-filters-toggle active"
            : "button small search-filters-toggle"
        }
        aria-expanded={filtersOpen}
        aria-controls={filtersId}
        // Named "Filters" whatever is set, so it is found by its name; how many, as its
        // description.
        aria-describedby={filters > 0 ? countId : undefined}
        onClick={onToggleFilters}
      >
        {t("search.filters.toggle")}
        {filters > 0 && (
          <span className="search-filter-count" aria-hidden="true">
            {filters}
          </span>
        )}
      </button>
      {filters > 0 && (
        <span id={countId} className="visually-hidden">
          {t("search.filters.active", { count: filters })}
        </span>
      )}
      {isSearching(draft) && (
        <button type="button" className="button small quiet" onClick={onClear}>
          {t("search.clear")}
        </button>
      )}
      <ExportButton query={exportQuery} />
    </search>
  );
}
