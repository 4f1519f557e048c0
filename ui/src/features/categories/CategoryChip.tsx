import type { Category } from "../../ipc";
import { CategorySwatch } from "./CategorySwatch";

/** A category's colour and name, small, beside an entry. */
export function CategoryChip({ category }: { category: Category }) {
  return (
    <span className="category-chip" data-testid="category-chip">
      <CategorySwatch colour={category.colour} />
      {category.name}
    </span>
  );
}
