import type { OnChangeFn, RowSelectionState } from "@tanstack/react-table";
import { useMemo, useSyncExternalStore } from "react";

/**
 * The tenants picked for a bulk invite, kept in this tab's sessionStorage: the filter bar is a plain GET form (a
 * full page load), and staff search for one tenant, pick it, then search for the next. Only Pump IDs are stored.
 */

const KEY = "pump.tenants.selected";
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => sessionStorage.getItem(KEY) ?? "{}";
// The server renders nothing selected; the stored picks appear once hydrated.
const serverSnapshot = () => "{}";

function parse(raw: string): RowSelectionState {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter(([k, v]) => /^PUMP-\d{4,}$/.test(k) && v === true));
  } catch {
    return {};
  }
}

export function useStoredSelection(): [RowSelectionState, OnChangeFn<RowSelectionState>] {
  const raw = useSyncExternalStore(subscribe, snapshot, serverSnapshot);
  const selection = useMemo(() => parse(raw), [raw]);
  const setSelection: OnChangeFn<RowSelectionState> = (update) => {
    const next = typeof update === "function" ? update(parse(snapshot())) : update;
    sessionStorage.setItem(KEY, JSON.stringify(next));
    for (const listener of listeners) listener();
  };
  return [selection, setSelection];
}
