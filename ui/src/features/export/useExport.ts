import { useMutation } from "@tanstack/react-query";
import { cancelTask, type ExportFormat, exportTransactions, type SearchQuery } from "../../ipc";

/** Writes everything `query` matches in `format` (Rust asks where in the system's save dialog);
 * `data` is how it ended, `error` why it failed. */
export function useExport() {
  return useMutation({
    mutationFn: ({ query, format }: { query: SearchQuery; format: ExportFormat }) =>
      exportTransactions(query, format),
  });
}

/** Asks Rust to stop the export at its next row; the export then ends as `cancelled`. A cancel
 * that fails to arrive changes nothing: the export goes on and ends as it would have. */
export function cancelExport() {
  cancelTask("export").catch(() => {});
}
