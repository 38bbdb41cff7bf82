/** Where the early listener is kept, so the component can remove it once it handles ⌘K itself. */
export type EarlyWindow = Window & { __pumpEarlySearchKey?: (e: globalThis.KeyboardEvent) => void };

/**
 * Until React hydrates, ⌘K / Ctrl+K is answered by this inline script (the CSP allows inline scripts): it opens the
 * server-rendered dialog natively, so a press made while the page is still loading is not lost. The component
 * removes it on mount and takes over.
 */
export function earlySearchShortcutScript(dialogId: string) {
  const listener = `function (e) {
    if ((e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
      var d = document.getElementById(${JSON.stringify(dialogId)});
      if (!d) return;
      e.preventDefault();
      if (!d.open) d.showModal();
      var i = d.querySelector("input");
      if (i) i.focus();
    }
  }`;
  return `(function () { var k = ${listener}; window.__pumpEarlySearchKey = k; addEventListener("keydown", k); })()`;
}
