"use client";

import { createContext, useContext } from "react";

export type Outcome = { text: string; isProblem: boolean };

/**
 * Where a row's action reports its outcome. The Invites table provides one above the table: after a cancel or
 * resend the rows re-sort on refresh, so a message kept inside the row could vanish with it. Without a provider
 * (the tenant page) each control shows its outcome itself.
 */
export const OutcomeContext = createContext<((outcome: Outcome) => void) | null>(null);

export const useOutcomeReporter = () => useContext(OutcomeContext);

export function OutcomeText({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return outcome.isProblem ? (
    <p role="alert" className="text-xs text-red-800">
      {outcome.text}
    </p>
  ) : (
    <p role="status" className="text-xs text-emerald-800">
      {outcome.text}
    </p>
  );
}
