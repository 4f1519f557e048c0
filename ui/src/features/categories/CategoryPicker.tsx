import { useId } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { useT } from "../../i18n/useT";
import { CategoryOptions } from "./CategoryOptions";
import { useCategorySettings, useChooseCategory } from "./useCategories";

/** The entry's category in the detail: a choice the person makes wins over every rule and
 * stays through refreshes and booking; "Let the rules decide" takes it back. */
export function CategoryPicker({
  iban,
  id,
  categoryId,
  chosen,
}: {
  iban: string;
  id: string;
  categoryId: number | null;
  chosen: boolean;
}) {
  const t = useT();
  const fieldId = useId();
  const hintId = useId();
  const categories = useCategorySettings().data?.categories ?? [];
  const choose = useChooseCategory(iban, id);
  return (
    <div className="category-picker">
      <label htmlFor={fieldId}>{t("categories.picker.label")}</label>
      <select
        id={fieldId}
        className="search-input"
        value={categoryId ?? ""}
        aria-describedby={hintId}
        disabled={choose.isPending}
        onChange={(event) => choose.mutate(Number(event.target.value))}
      >
        {categoryId === null && <option value="">{t("categories.none")}</option>}
        <CategoryOptions categories={categories} />
      </select>
      <span id={hintId} className="search-hint">
        {t(chosen ? "categories.picker.chosen" : "categories.picker.byRules")}
      </span>
      {chosen && (
        <button
          type="button"
          className="button quiet small"
          disabled={choose.isPending}
          onClick={() => choose.mutate(null)}
        >
          {t("categories.picker.toRules")}
        </button>
      )}
      {choose.isError && <ActionFailure error={choose.error} task="chooseCategory" />}
    </div>
  );
}
