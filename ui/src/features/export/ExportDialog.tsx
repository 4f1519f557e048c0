import { useId, useState } from "react";
import { Modal } from "../../components/Modal";
import type { MessageId } from "../../i18n/catalogs";
import { useT } from "../../i18n/useT";
import type { ExportFormat } from "../../ipc";

/** The formats, by their own names (the same in every language), and what each is for. */
const FORMATS: { format: ExportFormat; name: string; hint: MessageId }[] = [
  { format: "csv", name: "CSV", hint: "export.format.csv.hint" },
  { format: "camt053", name: "ISO 20022 camt.053 (XML)", hint: "export.format.camt053.hint" },
];

/** Which format to write; "Save as…" hands the choice to `onExport` (Rust then opens the save
 * dialog), Cancel or Escape to `onClose`. */
export function ExportDialog({
  open,
  initial,
  onExport,
  onClose,
}: {
  open: boolean;
  initial: ExportFormat;
  onExport: (format: ExportFormat) => void;
  onClose: () => void;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="dialog-narrow">
      <h2 id={titleId}>{t("export.title")}</h2>
      <FormatChoice initial={initial} onExport={onExport} onClose={onClose} />
    </Modal>
  );
}

function FormatChoice({
  initial,
  onExport,
  onClose,
}: {
  initial: ExportFormat;
  onExport: (format: ExportFormat) => void;
  onClose: () => void;
}) {
  const t = useT();
  const group = useId();
  const [format, setFormat] = useState(initial);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onExport(format);
      }}
    >
      <p className="dialog-text">{t("export.intro")}</p>
      <fieldset className="choice-group export-formats">
        <legend>{t("export.format.legend")}</legend>
        {FORMATS.map((option) => {
          // Named by the format alone; what it is for is its description.
          const nameId = `${group}-${option.format}-name`;
          const hintId = `${group}-${option.format}-hint`;
          return (
            <label key={option.format} className="choice">
              <input
                type="radio"
                name={group}
                value={option.format}
                checked={format === option.format}
                aria-labelledby={nameId}
                aria-describedby={hintId}
                onChange={() => setFormat(option.format)}
              />
              <span className="export-format-text">
                <span id={nameId} className="export-format-name">
                  {option.name}
                </span>
                <span id={hintId} className="export-format-hint">
                  {t(option.hint)}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="button primary">
          {t("export.confirm")}
        </button>
      </div>
    </form>
  );
}
