import { useId, useState } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Modal } from "../../components/Modal";
import type { MessageId } from "../../i18n/catalogs";
import { type Language, resolveLanguage } from "../../i18n/language";
import { useT } from "../../i18n/useT";
import type { LanguageChoice, PreferenceChoice, ThemeChoice } from "../../ipc";
import { CategoriesEditor } from "../categories/CategoriesEditor";
import { RulesEditor } from "../categories/RulesEditor";
import { BackupForm } from "../data/BackupForm";
import { NotificationSettingsGroup } from "./NotificationSettingsGroup";
import { fallbackPreferences, usePreferences, useSavePreferences } from "./usePreferences";
import "./settings.css";

/** Each language's name in that language, whatever the active one: its own option, which a
 * reader of that language finds in any. */
const LANGUAGE_NAME: Record<Language, MessageId> = {
  en: "common.language.en",
  sk: "common.language.sk",
};

const THEMES: { theme: ThemeChoice; label: MessageId }[] = [
  { theme: "system", label: "settings.theme.system" },
  { theme: "light", label: "settings.theme.light" },
  { theme: "dark", label: "settings.theme.dark" },
];

/** The language and the theme, applied as soon as they are chosen, and saved; and the backup
 * of the person's data, in the same dialog. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  const [view, setView] = useState<"settings" | "backup" | "categories">("settings");
  const close = () => {
    setView("settings");
    onClose();
  };
  const back = () => setView("settings");
  return (
    <Modal
      open={open}
      onClose={close}
      labelledBy={titleId}
      className={view === "categories" ? "settings-dialog" : "dialog-narrow settings-dialog"}
    >
      <h2 id={titleId}>{t(TITLES[view])}</h2>
      {view === "backup" && <BackupForm onDone={back} />}
      {view === "categories" && (
        <>
          <CategoriesEditor />
          <RulesEditor />
          <footer className="dialog-actions">
            <button type="button" className="button primary" onClick={back}>
              {t("common.back")}
            </button>
          </footer>
        </>
      )}
      {view === "settings" && (
        <SettingsForm
          onClose={close}
          onBackUp={() => setView("backup")}
          onCategories={() => setView("categories")}
        />
      )}
    </Modal>
  );
}

const TITLES = {
  settings: "settings.title",
  backup: "data.backup.title",
  categories: "categories.editor.dialogTitle",
} as const satisfies Record<string, MessageId>;

function SettingsForm({
  onClose,
  onBackUp,
  onCategories,
}: {
  onClose: () => void;
  onBackUp: () => void;
  onCategories: () => void;
}) {
  const t = useT();
  const languageGroup = useId();
  const themeGroup = useId();
  const current = usePreferences().data ?? fallbackPreferences();
  const save = useSavePreferences();
  const choose = (change: Partial<PreferenceChoice>) =>
    save.mutate({
      language: current.language,
      theme: current.theme,
      keepRunning: current.keepRunning,
      startAtLogin: current.startAtLogin,
      ...change,
    });
  const systemLanguage = resolveLanguage("system", current.systemLocale);

  const languages: { choice: LanguageChoice; label: string; lang?: Language }[] = [
    // Named in the active language, mid-phrase: "System (Slovak)", "Podľa systému (slovenčina)".
    { choice: "system", label: t("settings.language.system", { language: systemLanguage }) },
    { choice: "en", label: t(LANGUAGE_NAME.en), lang: "en" },
    { choice: "sk", label: t(LANGUAGE_NAME.sk), lang: "sk" },
  ];

  return (
    <>
      {current.unreadable && (
        <div className="notice notice-neutral">
          <p>{t("settings.unreadable")}</p>
          {current.unreadable.line !== null && (
            <p className="notice-detail">
              {t("settings.unreadableLine", { line: current.unreadable.line })}
            </p>
          )}
        </div>
      )}
      <fieldset className="choice-group">
        <legend>{t("settings.language.legend")}</legend>
        {languages.map(({ choice, label, lang }) => (
          <label key={choice} className="choice">
            <input
              type="radio"
              name={languageGroup}
              value={choice}
              checked={current.language === choice}
              onChange={() => choose({ language: choice })}
            />
            <span lang={lang}>{label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t("settings.theme.legend")}</legend>
        {THEMES.map(({ theme, label }) => (
          <label key={theme} className="choice">
            <input
              type="radio"
              name={themeGroup}
              value={theme}
              checked={current.theme === theme}
              onChange={() => choose({ theme })}
            />
            <span>{t(label)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t("settings.background.legend")}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={current.keepRunning}
            onChange={(event) => choose({ keepRunning: event.target.checked })}
          />
          <span>{t("settings.background.keepRunning")}</span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={current.startAtLogin}
            onChange={(event) => choose({ startAtLogin: event.target.checked })}
          />
          <span>{t("settings.background.startAtLogin")}</span>
        </label>
      </fieldset>
      <NotificationSettingsGroup />
      <fieldset className="choice-group">
        <legend>{t("categories.settings.legend")}</legend>
        <p className="dialog-text">{t("categories.settings.text")}</p>
        <button type="button" className="button" onClick={onCategories}>
          {t("categories.settings.open")}
        </button>
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t("data.settings.legend")}</legend>
        <p className="dialog-text">{t("data.settings.text")}</p>
        <button type="button" className="button" onClick={onBackUp}>
          {t("data.backup.open")}
        </button>
      </fieldset>
      {save.isError && <ActionFailure error={save.error} task="savePreferences" />}
      <footer className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          {t("common.close")}
        </button>
      </footer>
    </>
  );
}
