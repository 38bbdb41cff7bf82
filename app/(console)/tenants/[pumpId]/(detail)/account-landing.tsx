"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { ACCOUNT_LANDING_EVENT, accountIdFromHash, type AccountLandingDetail } from "@/lib/search/landing";

/** The account the page was opened at, and how many landings so far (choosing it again lands again). */
type Landing = { accountId: string; count: number };

const LandingContext = createContext<Landing | null>(null);

/**
 * Lands on the account named by `#account-<id>`: on load (a pasted link), on a hash change, on back/forward, and
 * when the ⌘K dialog chooses an account of this tenant while its page is already shown. Next's own scroll to the
 * hash runs while loading.tsx still stands in for the page, finds no card and gives up, so the landing is ours.
 */
export function AccountLanding({ pumpId, children }: { pumpId: string; children: ReactNode }) {
  const [landing, setLanding] = useState<Landing | null>(null);
  useEffect(() => {
    const land = (accountId: string | null) => {
      if (accountId) setLanding((l) => ({ accountId, count: (l?.count ?? 0) + 1 }));
    };
    const fromUrl = () => land(accountIdFromHash(window.location.hash));
    const fromSearch = (e: Event) => {
      const detail = (e as CustomEvent<AccountLandingDetail>).detail;
      if (detail.pumpId === pumpId) land(detail.accountId);
    };
    fromUrl();
    window.addEventListener("hashchange", fromUrl);
    window.addEventListener("popstate", fromUrl);
    window.addEventListener(ACCOUNT_LANDING_EVENT, fromSearch);
    return () => {
      window.removeEventListener("hashchange", fromUrl);
      window.removeEventListener("popstate", fromUrl);
      window.removeEventListener(ACCOUNT_LANDING_EVENT, fromSearch);
    };
  }, [pumpId]);
  return <LandingContext value={landing}>{children}</LandingContext>;
}

const useIsLanded = (accountId: string) => useContext(LandingContext)?.accountId === accountId;

/** The account's card: `aria-current` and a ring when it is the account landed on (with the label, not colour alone). */
export function AccountSection({ accountId, children }: { accountId: string; children: ReactNode }) {
  const isLanded = useIsLanded(accountId);
  return (
    <section
      id={`account-${accountId}`}
      aria-labelledby={`account-${accountId}-title`}
      aria-current={isLanded ? "true" : undefined}
      className={`scroll-mt-6 rounded-lg border bg-white p-4 shadow-sm ${
        isLanded ? "border-indigo-500 ring-2 ring-indigo-500" : "border-slate-200"
      }`}
    >
      {children}
    </section>
  );
}

/**
 * "Selected account", shown on the card landed on and focused there: it sits just before the card's Verify button
 * in the tab order, so one Tab reaches it. The card is scrolled to its top, then the label focused without a
 * second scroll.
 */
export function LandingMarker({ accountId, accountLabel }: { accountId: string; accountLabel: string }) {
  const landing = useContext(LandingContext);
  const count = landing?.accountId === accountId ? landing.count : 0;
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (count === 0 || !marker.current) return;
    marker.current.closest("section")?.scrollIntoView({ block: "start" });
    marker.current.focus({ preventScroll: true });
  }, [count]);
  if (count === 0) return null;
  return (
    <span
      ref={marker}
      tabIndex={-1}
      className="rounded-full bg-indigo-600 px-2.5 py-0.5 text-xs font-semibold text-white focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600"
    >
      Selected account<span className="sr-only"> {accountLabel}</span>
    </span>
  );
}
