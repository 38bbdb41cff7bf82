"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The ⌘K / Ctrl+K search box. Searching arrives with the tenants capability; until then it says so honestly.
 */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex w-full max-w-md items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left text-sm text-slate-500 hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span>Search tenants, accounts, ARNs…</span>
        <kbd className="rounded border border-slate-300 px-1.5 text-xs">⌘K</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label="Global search"
        onClose={() => setOpen(false)}
        className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-3 p-4">
          <label htmlFor="global-search-input" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="global-search-input"
            autoFocus
            disabled
            placeholder="Account ID, role ARN, Pump ID, email, company…"
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <p className="text-sm text-slate-600">
            Coming soon: search arrives with the tenants capability. Press Esc to close.
          </p>
        </div>
      </dialog>
    </>
  );
}
