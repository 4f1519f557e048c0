import { ActionFailure } from "../../components/ActionFailure";
import { useT } from "../../i18n/useT";
import type { Category, CategoryRule } from "../../ipc";
import { RuleForm } from "./RuleForm";
import { useCategoryEdits, useCategorySettings } from "./useCategories";

/** The person's rules, tried newest first before the app's own, each with what it asks and the
 * category it gives; and the form for a new one. */
export function RulesEditor() {
  const t = useT();
  const settings = useCategorySettings().data;
  const edits = useCategoryEdits();
  const categories = settings?.categories ?? [];
  return (
    <section className="rules-editor" aria-labelledby="rules-editor-title">
      <h3 id="rules-editor-title">{t("categories.rules.title")}</h3>
      <p className="dialog-text">{t("categories.rules.text")}</p>
      {settings && settings.rules.length > 0 && (
        <ul className="rule-list">
          {settings.rules.map((rule) => (
            <li key={rule.id} className="rule-item">
              <RuleSummary rule={rule} categories={categories} />
              <button
                type="button"
                className="button quiet small"
                onClick={() => edits.removeRule.mutate(rule.id)}
              >
                {t("categories.rules.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {edits.removeRule.isError && (
        <ActionFailure error={edits.removeRule.error} task="editCategories" />
      )}
      <RuleForm categories={categories} />
    </section>
  );
}

function RuleSummary({ rule, categories }: { rule: CategoryRule; categories: Category[] }) {
  const t = useT();
  const { conditions } = rule;
  // Rules hold for every currency: the amount is shown as the decimal it is, without one.
  const amount = (value: string) => value;
  const parts = [
    conditions.counterparty &&
      t("categories.rules.counterpartyIs", { text: conditions.counterparty }),
    conditions.description && t("categories.rules.descriptionIs", { text: conditions.description }),
    conditions.counterpartyIban &&
      t("categories.rules.ibanIs", { iban: conditions.counterpartyIban }),
    conditions.minAmount && t("categories.rules.atLeast", { amount: amount(conditions.minAmount) }),
    conditions.maxAmount && t("categories.rules.atMost", { amount: amount(conditions.maxAmount) }),
    conditions.direction === "incoming" && t("categories.rules.direction.incoming"),
    conditions.direction === "outgoing" && t("categories.rules.direction.outgoing"),
  ].filter(Boolean);
  const category = categories.find((known) => known.id === rule.categoryId);
  return (
    <span className="rule-summary">
      {t("categories.rules.summary", {
        conditions: parts.join(", "),
        category: category?.name ?? "",
      })}
    </span>
  );
}
