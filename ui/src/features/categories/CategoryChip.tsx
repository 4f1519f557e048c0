import { useT } from "../../i18n/useT";
import type { Category } from "../../ipc";
import { CategorySwatch } from "./CategorySwatch";

/** A category's colour and name, small, beside an entry. */
export function CategoryChip({ category }: { category: Category }) {
  const t = useT();
  return (
    <span className="category-chip" data-testid="category-chip">
      <CategorySwatch colour={category.colour} />
      <span className="visually-hidden">{t("categories.chip.label")} </span>
      {category.name}
    </span>
  );
}
