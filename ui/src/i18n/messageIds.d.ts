// Message ids are typed: `formatMessage({ id })` and `<FormattedMessage id>` accept only an id
// the English catalog has, so a missing or misspelt key fails the type check.
import type { MessageId } from "./catalogs";

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
