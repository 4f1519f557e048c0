import { useState } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { LabelledInput } from "../../components/LabelledInput";
import { useT } from "../../i18n/useT";
import type { Category } from "../../ipc";
import { useCategoryEdits, useCategorySettings } from "./useCategories";

/** Every category with its name and colour to change; the person's own can be removed, and new
 * ones added. An app's category renamed to nothing gets its own name back. */
export function CategoriesEditor() {
  const t = useT();
  const settings = useCategorySettings().data;
  const edits = useCategoryEdits();
  const failed = [edits.add, edits.update, edits.remove].find((edit) => edit.isError);
  return (
    <section className="categories-editor" aria-labelledby="categories-editor-title">
      <h3 id="categories-editor-title">{t("categories.editor.title")}</h3>
      <ul className="category-list">
        {settings?.categories.map((category) => (
          // Keyed by what it shows: a name or colour changed elsewhere (an app's name restored,
          // another language) starts the fields afresh.
          <CategoryRow
            key={`${category.id}:${category.name}:${category.colour}`}
            category={category}
          />
        ))}
      </ul>
      <NewCategory />
      {failed && <ActionFailure error={failed.error} task="editCategories" />}
    </section>
  );
}

function CategoryRow({ category }: { category: Category }) {
  const t = useT();
  const edits = useCategoryEdits();
  const [name, setName] = useState(category.name);
  const [colour, setColour] = useState(category.colour);
  const save = (change: { name?: string; colour?: string }) =>
    edits.update.mutate({
      id: category.id,
      name: change.name ?? (category.renamed ? category.name : ""),
      colour: change.colour ?? category.colour,
    });
  return (
    <li className="category-item">
      <LabelledInput
        label={t("categories.editor.colourOf", { name: category.name })}
        hideLabel
        type="color"
        className="category-colour"
        value={colour}
        onChange={(event) => setColour(event.target.value)}
        // Saved once chosen, not at every step of a drag through the picker.
        onBlur={() => colour !== category.colour && save({ colour })}
      />
      <LabelledInput
        label={t("categories.editor.nameOf", { name: category.name })}
        hideLabel
        type="text"
        className="search-input"
        value={name}
        maxLength={40}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => name !== category.name && save({ name })}
      />
      {category.key === null && (
        <button
          type="button"
          className="button quiet small"
          onClick={() => edits.remove.mutate(category.id)}
        >
          {t("categories.editor.remove", { name: category.name })}
        </button>
      )}
    </li>
  );
}

function NewCategory() {
  const t = useT();
  const edits = useCategoryEdits();
  const [name, setName] = useState("");
  const [colour, setColour] = useState("#5c6bc0");
  const add = () => {
    if (name.trim() !== "") {
      edits.add.mutate({ name, colour }, { onSuccess: () => setName("") });
    }
  };
  return (
    <div className="category-new">
      <LabelledInput
        label={t("categories.editor.newName")}
        type="text"
        className="search-input"
        value={name}
        maxLength={40}
        onChange={(event) => setName(event.target.value)}
      />
      <LabelledInput
        label={t("categories.editor.newColour")}
        type="color"
        className="category-colour"
        value={colour}
        onChange={(event) => setColour(event.target.value)}
      />
      <button type="button" className="button small" disabled={!name.trim()} onClick={add}>
        {t("categories.editor.add")}
      </button>
    </div>
  );
}
