"use client";

import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from "react";
import { announceAccountLanding } from "@/lib/search/landing";
import { searchResultHref, type SearchResponse, type SearchResult } from "@/lib/search/types";
import { earlySearchShortcutScript, type EarlyWindow } from "./early-search-shortcut";

type SearchState =
  | { status: "idle" }
  | { status: "loading"; results: SearchResult[] }
  | { status: "done"; results: SearchResult[]; notice?: string; reading?: string }
  | { status: "error"; message: string };

// Long enough to skip the keystrokes of a fast typist, short enough that a paste feels instant.
const DEBOUNCE_MS = 150;

/**
 * ⌘K / Ctrl+K (or the header box) opens a dialog with a combobox: paste anything from a ticket, arrows move, Enter
 * opens the tenant (at the matched account), Esc closes. Each keystroke cancels the previous request. Both ways in
 * work before hydration too: the header box opens the dialog by the browser's own invoker command, the shortcut by
 * a small inline script.
 */
export function GlobalSearch() {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inflight = useRef<AbortController | null>(null);
  const [query, setQuery] = useState("");
  const [state, setState] = useState<SearchState>({ status: "idle" });
  const [active, setActive] = useState(0);
  const id = useId();
  const listboxId = `${id}-results`;
  const statusId = `${id}-status`;
  const dialogId = `${id}-dialog`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const results = state.status === "done" || state.status === "loading" ? state.results : [];
  const isExpanded = results.length > 0;

  function cancelPending() {
    clearTimeout(timer.current);
    inflight.current?.abort();
    inflight.current = null;
  }

  function openSearch() {
    if (!dialog.current?.open) dialog.current?.showModal();
    input.current?.focus();
  }

  // Typed into a dialog opened before hydration: the text is in the box but not yet searched for.
  const searchTypedEarly = useEffectEvent(() => {
    const typed = input.current?.value ?? "";
    if (typed !== "") onChange(typed);
  });

  useEffect(() => {
    const early = (window as EarlyWindow).__pumpEarlySearchKey;
    if (early) window.removeEventListener("keydown", early);
    searchTypedEarly();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        if (!dialog.current?.open) dialog.current?.showModal();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      clearTimeout(timer.current);
      inflight.current?.abort();
    };
  }, []);

  function reset() {
    cancelPending();
    setQuery("");
    setState({ status: "idle" });
    setActive(0);
  }

  function onChange(value: string) {
    setQuery(value);
    cancelPending();
    // Empty input: no request, no results.
    if (value.trim() === "") {
      setState({ status: "idle" });
      return;
    }
    setState((s) => ({ status: "loading", results: s.status === "done" || s.status === "loading" ? s.results : [] }));
    timer.current = setTimeout(() => void fetchResults(value), DEBOUNCE_MS);
  }

  async function fetchResults(value: string) {
    const controller = new AbortController();
    inflight.current = controller;
    try {
      // URLSearchParams, not encodeURIComponent: it never throws, even on a lone surrogate.
      const response = await fetch(`/api/search?${new URLSearchParams({ q: value })}`, {
        signal: controller.signal,
        headers: { accept: "application/json" },
        cache: "no-store",
      });
      if (controller.signal.aborted) return;
      if (!response.ok) {
        const message =
          response.status === 401 ? "Your session has ended. Sign in again." : "Search failed. Try again.";
        setState({ status: "error", message });
        return;
      }
      const body = (await response.json()) as SearchResponse;
      if (controller.signal.aborted) return;
      setState({ status: "done", results: body.results, notice: body.notice, reading: body.reading });
      setActive(0);
    } catch {
      if (!controller.signal.aborted)
        setState({ status: "error", message: "Search failed. Check your connection and try again." });
    }
  }

  function go(result: SearchResult) {
    dialog.current?.close();
    const href = searchResultHref(result);
    // On the page already shown, Next 16.4's push appends the hash to the one there (#account-A#account-B); the
    // History API, which Next follows, does not. At an account the page scrolls and focuses itself (landing.ts).
    if (result.accountId && href.startsWith(`${window.location.pathname}#`)) window.history.pushState(null, "", href);
    else router.push(href, { scroll: !result.accountId });
    if (result.accountId) announceAccountLanding({ pumpId: result.pumpId, accountId: result.accountId });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const count = results.length;
    if (e.key === "ArrowDown" && count > 0) {
      e.preventDefault();
      setActive((a) => (a + 1) % count);
    } else if (e.key === "ArrowUp" && count > 0) {
      e.preventDefault();
      setActive((a) => (a - 1 + count) % count);
    } else if (e.key === "Enter") {
      e.preventDefault();
      // Only results for what is in the box now: a stale list while a request is in flight could open the wrong tenant.
      const result = state.status === "done" ? state.results[active] : undefined;
      if (result) go(result);
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={openSearch}
        // The invoker command opens the dialog before hydration; once hydrated, onClick has already opened it.
        // Spread because React's types do not list these attributes yet.
        {...{ command: "show-modal", commandfor: dialogId }}
        aria-haspopup="dialog"
        aria-keyshortcuts="Meta+K Control+K"
        className="flex w-full max-w-md items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left text-sm text-slate-500 hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span>Search tenants, accounts, ARNs…</span>
        <kbd className="rounded border border-slate-300 px-1.5 text-xs">⌘K</kbd>
      </button>
      <dialog
        ref={dialog}
        id={dialogId}
        // Opened before hydration (see above), it carries an `open` the server did not render.
        suppressHydrationWarning
        aria-label="Global search"
        onClose={reset}
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        onClick={(e) => e.target === e.currentTarget && dialog.current?.close()}
        className="m-auto mt-[12vh] w-full max-w-xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-3 p-4">
          <label htmlFor={`${id}-input`} className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            ref={input}
            id={`${id}-input`}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={isExpanded}
            aria-controls={listboxId}
            aria-activedescendant={isExpanded && results[active] ? optionId(active) : undefined}
            aria-describedby={statusId}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Account ID, role ARN, Pump ID, o-…/h-… ID, email, company…"
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
          <ul
            id={listboxId}
            role="listbox"
            aria-label="Matching tenants"
            aria-busy={state.status === "loading"}
            hidden={!isExpanded}
            className={`max-h-96 overflow-y-auto rounded-md border border-slate-200 ${state.status === "loading" ? "opacity-60" : ""}`}
          >
            {results.map((result, i) => (
              <li
                key={`${result.pumpId}-${result.accountId ?? ""}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => go(result)}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-indigo-50" : "bg-white"}`}
              >
                <span className="flex items-baseline justify-between gap-3">
                  <span className="font-medium text-slate-900">{result.tenantName}</span>
                  <span className="font-mono text-xs text-slate-500">{result.pumpId}</span>
                </span>
                <span className="block text-xs text-slate-600">
                  Matched: {result.matched}
                  {result.accountId && !result.matched.includes(result.accountId)
                    ? ` · account ${result.accountId}`
                    : ""}
                </span>
              </li>
            ))}
          </ul>
          <SearchStatus id={statusId} state={state} query={query} />
        </div>
      </dialog>
      <script dangerouslySetInnerHTML={{ __html: earlySearchShortcutScript(dialogId) }} />
    </>
  );
}

function SearchStatus({ id, state, query }: { id: string; state: SearchState; query: string }) {
  if (state.status === "error") {
    return (
      <p id={id} role="alert" className="text-sm text-red-700">
        {state.message}
      </p>
    );
  }
  let text: string;
  if (state.status === "idle") text = "Paste anything from a ticket. ↑↓ to move, Enter to open, Esc to close.";
  else if (state.status === "loading") text = "Searching…";
  else if (state.results.length === 0) text = state.reading ?? `Nothing matches “${query.trim()}”.`;
  else text = `${state.results.length} found.${state.notice ? ` ${state.notice}` : ""}`;
  return (
    <p id={id} role="status" className="text-sm text-slate-600">
      {text}
    </p>
  );
}
