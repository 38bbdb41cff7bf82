"use client";

import { useSyncExternalStore } from "react";
import { formatUtc } from "@/lib/format/utc";
import { describeExpiry } from "@/lib/invites/expiry";

const MINUTE = 60_000;

function subscribe(onChange: () => void) {
  const timer = setInterval(onChange, 15_000);
  return () => clearInterval(timer);
}

/** Floored to the minute so consecutive reads agree (React requires a stable snapshot). */
const clientNow = () => Math.floor(Date.now() / MINUTE) * MINUTE;

type Props = {
  expiresAt: string | null;
  /** Only a pending invitation counts down; an answered one just shows when it would have expired. */
  isPending: boolean;
  /** The server's render time: hydration uses it, so server and browser render the same text first. */
  now: string;
};

/** "13 d 4 h left", with a visible warning under 3 days and "expired — sync to confirm" once past. */
export function ExpiryCountdown({ expiresAt, isPending, now }: Props) {
  const serverNow = Date.parse(now);
  const current = useSyncExternalStore(subscribe, clientNow, () => serverNow);
  if (!expiresAt) return <span className="text-slate-500">—</span>;
  const at = (
    <time dateTime={expiresAt} className="block text-xs text-slate-500">
      {formatUtc(expiresAt)}
    </time>
  );
  if (!isPending) return at;
  const expiry = describeExpiry(expiresAt, current);
  if (expiry.kind === "expired") {
    return (
      <span>
        <span className="font-medium text-red-800">expired — sync to confirm</span>
        {at}
      </span>
    );
  }
  return (
    <span>
      {expiry.isSoon ? (
        <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">
          <span aria-hidden="true">⚠</span>
          {expiry.text} · expires in under 3 days
        </span>
      ) : (
        <span className="text-slate-800">{expiry.text}</span>
      )}
      {at}
    </span>
  );
}
