"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { syncInvites } from "@/lib/invites/actions";

type State = { phase: "idle" | "syncing" | "done" } | { phase: "failed"; error: string };

/**
 * AWS changes invitations without telling Pump (the customer accepts, time expires them), so the page syncs on
 * open when what it shows is older than a few minutes. Only reads AWS; never sends.
 */
export function AutoSync({ isStale, maxAgeMinutes }: { isStale: boolean; maxAgeMinutes: number }) {
  const router = useRouter();
  // Rendered as "syncing" from the server already, so the page never looks settled before the sync has run.
  const [state, setState] = useState<State>({ phase: isStale ? "syncing" : "idle" });
  const started = useRef(false);
  // The page's rows are re-read after the sync (router.refresh); until they are in, it still says it is syncing, so
  // "Synced" is only shown over synced rows.
  const [isRefreshing, startRefresh] = useTransition();

  useEffect(() => {
    if (!isStale || started.current) return;
    started.current = true;
    void syncInvites({}).then((result) => {
      if (!result.ok) return setState({ phase: "failed", error: result.error });
      const unread = result.data.filter((r) => r.error);
      if (unread.length)
        setState({ phase: "failed", error: unread.map((r) => `${r.organization}: ${r.error}`).join(" ") });
      else setState({ phase: "done" });
      startRefresh(() => router.refresh());
    });
  }, [isStale, router]);

  switch (isRefreshing ? "syncing" : state.phase) {
    case "idle":
      return null;
    case "syncing":
      return (
        <p role="status" className="text-sm text-slate-700">
          These invites were last read from AWS more than {maxAgeMinutes} minutes ago: syncing with AWS now…
        </p>
      );
    case "done":
      return (
        <p role="status" className="text-sm text-emerald-800">
          Synced with AWS just now.
        </p>
      );
    case "failed":
      if (state.phase !== "failed") return null;
      return (
        <p role="alert" className="text-sm text-red-800">
          The automatic sync did not finish: {state.error} The states below may be out of date.
        </p>
      );
  }
}
