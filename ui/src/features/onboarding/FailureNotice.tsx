import { useIntl } from "react-intl";
import { describeConnectFailure } from "../../errors/errorText";
import type { CommandError } from "../../ipc";

/** A failure in the user's words. Announced as an alert; always plain text, never markup. */
export function FailureNotice({ failure }: { failure: CommandError }) {
  const text = describeConnectFailure(useIntl(), failure);
  return (
    <div role="alert" className={`notice notice-${text.tone}`}>
      <p className="notice-headline">{text.headline}</p>
      {text.explanation && <p>{text.explanation}</p>}
      {text.retryHint && <p className="notice-retry">{text.retryHint}</p>}
      {text.detail && <p className="notice-detail">{text.detail}</p>}
    </div>
  );
}
