import { useId } from "react";
import { DirectionSelect } from "../../components/DirectionSelect";
import { useT } from "../../i18n/useT";
import type { SearchQuery } from "../../ipc";
import { CategoryOptions } from "../categories/CategoryOptions";
import { useCategorySettings } from "../categories/useCategories";

/** An account the search can be narrowed to: its name (or short IBAN when it has none), and
 * its short IBAN to tell apart two of the same name. */
export type SearchAccount = { iban: string; name: string; shortIban: string };

/** The filters that combine with the text: amount, dates, direction, pending only, account.
 * Every control is a native one, labelled, so the keyboard and assistive technology work as
 * they do everywhere else. */
export function SearchFilters({
  id,
  draft,
  accounts,
  onChange,
}: {
  id: string;
  draft: SearchQuery;
  accounts: readonly SearchAccount[];
  onChange: (change: Partial<SearchQuery>) => void;
}) {
  const t = useT();
  const ids = {
    amount: useId(),
    amountHint: useId(),
    from: useId(),
    to: useId(),
    account: useId(),
    category: useId(),
  };
  const categories = useCategorySettings().data?.categories ?? [];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset's legend would repeat on screen what the toggle above already says; a labelled group names the row the same way.
    <div
      id={id}
      role="group"
      aria-label={t("search.filters.label")}
      className="search-filters"
      data-testid="search-filters"
    >
      <div className="search-filter search-filter-amount">
        <label htmlFor={ids.amount}>{t("search.amount.label")}</label>
        <input
          id={ids.amount}
          type="text"
          className="search-input"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={ids.amountHint}
          value={draft.amount}
          onChange={(event) => onChange({ amount: event.target.value })}
        />
        <span id={ids.amountHint} className="search-hint">
          {t("search.amount.hint")}
        </span>
      </div>
      <div className="search-filter">
        <label htmlFor={ids.from}>{t("search.dateFrom.label")}</label>
        <input
          id={ids.from}
          type="date"
          className="search-input"
          value={draft.dateFrom ?? ""}
          max={draft.dateTo ?? undefined}
          onChange={(event) => onChange({ dateFrom: event.target.value || null })}
        />
      </div>
      <div className="search-filter">
        <label htmlFor={ids.to}>{t("search.dateTo.label")}</label>
        <input
          id={ids.to}
          type="date"
          className="search-input"
          value={draft.dateTo ?? ""}
          min={draft.dateFrom ?? undefined}
          onChange={(event) => onChange({ dateTo: event.target.value || null })}
        />
      </div>
      <DirectionSelect value={draft.direction} onChange={(direction) => onChange({ direction })} />
      <div className="search-filter">
        <label htmlFor={ids.account}>{t("search.account.label")}</label>
        <select
          id={ids.account}
          className="search-input"
          value={draft.iban ?? ""}
          onChange={(event) => onChange({ iban: event.target.value || null })}
        >
          <option value="">{t("search.account.all")}</option>
          {accounts.map((account) => (
            <option key={account.iban} value={account.iban}>
              {optionText(account, accounts)}
            </option>
          ))}
        </select>
      </div>
      <div className="search-filter">
        <label htmlFor={ids.category}>{t("categories.picker.label")}</label>
        <select
          id={ids.category}
          className="search-input"
          value={draft.categoryId ?? ""}
          onChange={(event) =>
            onChange({ categoryId: event.target.value ? Number(event.target.value) : null })
          }
        >
          <option value="">{t("search.category.all")}</option>
          <CategoryOptions categories={categories} />
        </select>
      </div>
      <label className="search-filter search-filter-check">
        <input
          type="checkbox"
          checked={draft.pendingOnly}
          onChange={(event) => onChange({ pendingOnly: event.target.checked })}
        />
        {t("search.pendingOnly")}
      </label>
    </div>
  );
}

/** The account's name; with its short IBAN when another account has the same name. */
function optionText(account: SearchAccount, accounts: readonly SearchAccount[]): string {
  const shared = accounts.some(
    (other) => other.iban !== account.iban && other.name === account.name,
  );
  return shared && account.name !== account.shortIban
    ? `${account.name} · ${account.shortIban}`
    : account.name;
}
