import { useId } from "react";
import { useIntl } from "react-intl";
import { calendarDay } from "../../format/calendarDay";
import { useT } from "../../i18n/useT";
import { toCommandError } from "../../ipc";
import { CategorySwatch } from "../categories/CategorySwatch";
import { useCategorySettings } from "../categories/useCategories";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { formatMoney } from "../money/formatMoney";
import { useMonthSpending } from "./useMonthSpending";

const NO_CATEGORY_COLOUR = "#757575";

/** Where the money went in a chosen month: one bar per category, largest first. The chart is a
 * table, so it is its own text alternative: each row names the category and its sum, and its
 * name is a button that shows those transactions in the list (`onShow`). The bar's length is
 * Rust's position on the axis, drawn as an SVG rectangle's width. */
export function SpendingChart({
  iban,
  months,
  month,
  onMonth,
  onShow,
}: {
  iban: string;
  /** The months to choose from, `YYYY-MM`, oldest first. */
  months: readonly string[];
  month: string;
  onMonth: (month: string) => void;
  onShow: (categoryId: number, month: string) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const captionId = useId();
  const monthId = useId();
  const spending = useMonthSpending(iban, month);
  const categories = useCategorySettings().data?.categories ?? [];
  const long = new Intl.DateTimeFormat(intl.locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const monthName = (value: string) => {
    const day = calendarDay(`${value}-01`);
    return day ? long.format(day) : value;
  };
  if (spending.error) {
    return <SyncFailureNotice failure={toCommandError(spending.error)} task="charts" />;
  }
  const data = spending.data;
  return (
    <figure className="chart spending-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {t("transactions.charts.spending")}
      </figcaption>
      <div className="spending-month">
        <label htmlFor={monthId}>{t("transactions.charts.month")}</label>
        <select
          id={monthId}
          className="search-input"
          value={month}
          onChange={(event) => onMonth(event.target.value)}
        >
          {[...months].reverse().map((value) => (
            <option key={value} value={value}>
              {monthName(value)}
            </option>
          ))}
        </select>
      </div>
      {data && data.categories.length === 0 && (
        <p className="charts-loading">{t("transactions.charts.noSpending")}</p>
      )}
      {data && data.categories.length > 0 && (
        <table className="spending-table">
          <caption className="visually-hidden">
            {t("transactions.charts.spendingTable", { month: monthName(month) })}
          </caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t("categories.picker.label")}</th>
              <th scope="col">{t("transactions.charts.spent")}</th>
            </tr>
          </thead>
          <tbody>
            {data.categories.map((spent) => {
              const category = categories.find((known) => known.id === spent.categoryId);
              const name = category?.name ?? t("categories.none");
              return (
                <tr key={spent.categoryId ?? "none"}>
                  <th scope="row">
                    {spent.categoryId === null ? (
                      // Not categorised yet (stored before categories; decided when the data
                      // next opens): no filter finds these, so there is nothing to show.
                      <span className="spending-show">
                        <CategorySwatch colour={NO_CATEGORY_COLOUR} />
                        {name}
                      </span>
                    ) : (
                      <ShowCategory
                        name={name}
                        colour={category?.colour ?? NO_CATEGORY_COLOUR}
                        count={spent.entries}
                        onShow={() => spent.categoryId !== null && onShow(spent.categoryId, month)}
                      />
                    )}
                  </th>
                  <td>
                    <div className="spending-value">
                      <span className="spending-amount">
                        {formatMoney(spent.spent, data.currency, { locale: intl.locale })}
                      </span>
                      <svg
                        className="spending-bar"
                        viewBox={`0 0 ${data.axis.top} 10`}
                        preserveAspectRatio="none"
                        aria-hidden="true"
                        focusable="false"
                      >
                        <rect
                          x={data.axis.zero}
                          y="0"
                          width={Math.max(spent.position - data.axis.zero, 0)}
                          height="10"
                          fill={category?.colour ?? NO_CATEGORY_COLOUR}
                        />
                      </svg>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </figure>
  );
}

/** A category's name as the button that shows its transactions of the month. */
function ShowCategory({
  name,
  colour,
  count,
  onShow,
}: {
  name: string;
  colour: string;
  count: number;
  onShow: () => void;
}) {
  const t = useT();
  return (
    <button
      type="button"
      className="button quiet small spending-show"
      aria-label={t("transactions.charts.showCategory", { category: name, count })}
      onClick={onShow}
    >
      <CategorySwatch colour={colour} />
      {name}
    </button>
  );
}
