import { useId } from "react";
import { useIntl } from "react-intl";
import { AUTOFOCUS, Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { describeDetailFailure, FAILURE_ACTION_MESSAGE } from "../../errors/errorText";
import { useT } from "../../i18n/useT";
import { toCommandError } from "../../ipc";
import { CategoryPicker } from "../categories/CategoryPicker";
import { DetailFields } from "./DetailFields";
import { useCopy } from "./useCopy";
import { useTransactionDetail } from "./useTransactionDetail";

/** Everything the bank sent for one entry, in a modal dialog titled by the counterparty (else
 * "Transaction"), with copy buttons for what people paste elsewhere. The title takes the focus
 * when it opens, so it is read first; Escape or Close calls `onClose`, and the focus goes back
 * to what had it before (the row), when that is still on the page. */
export function DetailPanel({
  iban,
  id,
  onClose,
}: {
  iban: string;
  id: string;
  onClose: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const detail = useTransactionDetail(iban, id);
  const title = detail.data?.transaction.counterpartyName?.trim() || t("detail.title");
  return (
    <Modal open onClose={onClose} labelledBy={titleId} className="detail-dialog">
      <div className="detail-head">
        <h2 id={titleId} className="detail-title" tabIndex={-1} {...AUTOFOCUS}>
          {title}
        </h2>
        <button type="button" className="button quiet small" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
      <DetailBody detail={detail} />
    </Modal>
  );
}

function DetailBody({ detail }: { detail: ReturnType<typeof useTransactionDetail> }) {
  const t = useT();
  const intl = useIntl();
  const { state, copy } = useCopy();
  if (detail.isPending) {
    return (
      <p role="status" className="detail-loading">
        <Spinner /> {t("detail.loading")}
      </p>
    );
  }
  if (detail.isError) {
    const text = describeDetailFailure(intl, toCommandError(detail.error));
    return (
      <div className="detail-failure">
        <p role="alert" className="error">
          {text.headline}
          {text.detail && (
            <>
              {" "}
              <span className="notice-detail">{text.detail}</span>
            </>
          )}
        </p>
        <button type="button" className="button small" onClick={() => detail.refetch()}>
          {t(FAILURE_ACTION_MESSAGE.retry)}
        </button>
      </div>
    );
  }
  return (
    <>
      <CategoryPicker
        iban={detail.data.iban}
        id={detail.data.transaction.id}
        categoryId={detail.data.transaction.categoryId}
        chosen={detail.data.categoryChosen}
      />
      <DetailFields detail={detail.data} onCopy={copy} />
      <p role="status" className={state === "failed" ? "detail-copied error" : "detail-copied"}>
        {state === "copied" && t("detail.copied")}
        {state === "failed" && t("detail.copyFailed")}
      </p>
    </>
  );
}
