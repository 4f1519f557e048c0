import { useQuery } from "@tanstack/react-query";
import { connectionStatus } from "../../ipc";

/** The query key of the connection status; invalidate it when the connection changes. */
export const CONNECTION_STATUS_KEY = ["connection-status"] as const;

/** Which bank is connected and which of its accounts the user chose. */
export function useConnectionStatus() {
  return useQuery({ queryKey: CONNECTION_STATUS_KEY, queryFn: connectionStatus });
}
