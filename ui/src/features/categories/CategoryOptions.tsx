import type { Category } from "../../ipc";

/** Every category as an option of a select, by id, in the person's order. */
export function CategoryOptions({ categories }: { categories: readonly Category[] }) {
  return categories.map((category) => (
    <option key={category.id} value={category.id}>
      {category.name}
    </option>
  ));
}
