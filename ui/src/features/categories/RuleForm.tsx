import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useIntl } from "react-intl";
import { ActionFailure } from "../../components/ActionFailure";
import { DirectionSelect } from "../../components/DirectionSelect";
import { formatCalendarDay } from "../../format/calendarDay";
import { useT } from "../../i18n/useT";
import { type Category, cancelTask, previewRule, type RuleConditions, saveRule } from "../../ipc";
import { formatMoney } from "../money/formatMoney";
import { TaskProgressBar } from "../tasks/TaskProgressBar";
import { useTaskProgress } from "../tasks/useTaskProgress";
import { CategoryOptions } from "./CategoryOptions";
import { useCategoryEdits } from "./useCategories";

const BLANK: RuleConditions = {
  counterparty: "",
  description: "",
  counterpartyIban: "",
  minAmount: "",
  maxAmount: "",
  direction: "any",
};

const TEXT_FIELDS = [
  ["counterparty", "categories.rule.counterparty"],
  ["description", "categories.rule.description"],
  ["counterpartyIban", "categories.rule.iban"],
  ["minAmount", "categories.rule.minAmount"],
  ["maxAmount", "categories.rule.maxAmount"],
] as const;

/** A new rule: its conditions and category, a preview of the stored transactions it would
 * change, and Save, which applies it to them when asked. Both read every stored transaction,
 * with their progress shown and Cancel. */
export function RuleForm({ categories }: { categories: readonly Category[] }) {
  const t = useT();
  const ids = { category: useId(), apply: useId(), field: useId() };
  const [conditions, setConditions] = useState<RuleConditions>(BLANK);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [apply, setApply] = useState(true);
  const edits = useCategoryEdits();
  // Until the person picks one, the rule gives "Other".
  const chosen = categoryId ?? categories.find((category) => category.key === "other")?.id ?? null;
  const preview = useMutation({
    mutationFn: () => previewRule(chosen ?? 0, conditions),
  });
  const save = useMutation({
    mutationFn: () => saveRule(chosen ?? 0, conditions, apply),
    onSuccess: (saved) => {
      edits.ruleSaved(saved.settings);
      setConditions(BLANK);
      preview.reset();
    },
    onError: () => void edits.ruleFailed(),
  });
  const running = preview.isPending || save.isPending;
  const progress = useTaskProgress("categorise", running);
  const change = (update: Partial<RuleConditions>) => {
    setConditions((earlier) => ({ ...earlier, ...update }));
    preview.reset();
  };
  return (
    <form
      className="rule-form"
      aria-labelledby={`${ids.field}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <h4 id={`${ids.field}-title`}>{t("categories.rule.title")}</h4>
      <div className="rule-fields">
        {TEXT_FIELDS.map(([field, label]) => (
          <div key={field} className="search-filter">
            <label htmlFor={`${ids.field}-${field}`}>{t(label)}</label>
            <input
              id={`${ids.field}-${field}`}
              type="text"
              className="search-input"
              autoComplete="off"
              spellCheck={false}
              value={conditions[field]}
              onChange={(event) => change({ [field]: event.target.value })}
            />
          </div>
        ))}
        <DirectionSelect
          value={conditions.direction}
          onChange={(direction) => change({ direction })}
        />
        <div className="search-filter">
          <label htmlFor={ids.category}>{t("categories.rule.category")}</label>
          <select
            id={ids.category}
            className="search-input"
            value={chosen ?? ""}
            onChange={(event) => {
              setCategoryId(Number(event.target.value));
              preview.reset();
            }}
          >
            <CategoryOptions categories={categories} />
          </select>
        </div>
      </div>
      {running && (
        <TaskProgressBar
          progress={progress}
          label={t("categories.rule.reading", {
            done: progress?.done ?? 0,
            total: progress?.total ?? 0,
          })}
          onCancel={() => void cancelTask("categorise")}
        />
      )}
      {preview.data && <PreviewList preview={preview.data} categories={categories} />}
      <label className="choice">
        <input
          id={ids.apply}
          type="checkbox"
          checked={apply}
          onChange={(event) => setApply(event.target.checked)}
        />
        <span>{t("categories.rule.apply")}</span>
      </label>
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          disabled={running || chosen === null}
          onClick={() => preview.mutate()}
        >
          {t("categories.rule.preview")}
        </button>
        <button type="submit" className="button primary" disabled={running || chosen === null}>
          {t("categories.rule.save")}
        </button>
      </div>
      <p role="status" className="rule-outcome">
        {save.data &&
          t(save.data.stopped ? "categories.rule.stopped" : "categories.rule.saved", {
            count: save.data.changed,
          })}
      </p>
      {preview.isError && <ActionFailure error={preview.error} task="previewRule" />}
      {save.isError && <ActionFailure error={save.error} task="saveRule" />}
    </form>
  );
}

function PreviewList({
  preview,
  categories,
}: {
  preview: NonNullable<Awaited<ReturnType<typeof previewRule>>>;
  categories: readonly Category[];
}) {
  const t = useT();
  const { locale } = useIntl();
  const name = (id: number | null) =>
    categories.find((category) => category.id === id)?.name ?? t("categories.none");
  return (
    <div className="rule-preview" data-testid="rule-preview">
      <p role="status">
        {t(preview.stopped ? "categories.rule.wouldChangeSoFar" : "categories.rule.wouldChange", {
          count: preview.count,
        })}
      </p>
      {preview.sample.length > 0 && (
        <table className="rule-preview-table">
          <caption className="visually-hidden">{t("categories.rule.sample")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transactions.charts.day")}</th>
              <th scope="col">{t("categories.rule.counterpartyColumn")}</th>
              <th scope="col">{t("categories.rule.amount")}</th>
              <th scope="col">{t("categories.rule.now")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((change) => (
              <tr key={`${change.iban}/${change.id}`}>
                <td>{formatCalendarDay(change.date, locale)}</td>
                <td>{change.counterpartyName ?? change.description ?? ""}</td>
                <td>{formatMoney(change.amount, change.currency, { locale, sign: "always" })}</td>
                <td>{name(change.from)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
