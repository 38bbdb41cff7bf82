"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "./button";

/**
 * Copies `value` to the clipboard in one click. `label` names what is copied ("Copy role ARN"), for screen readers
 * and tests; the visible text turns to "Copied" and a polite live region announces it.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Clipboard access can be refused (permissions, insecure origin); say so rather than pretend.
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-1">
      <button type="button" onClick={copy} aria-label={label} title={label} className={buttonClass("secondary", "sm")}>
        {state === "copied" ? "Copied" : "Copy"}
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {state === "copied" ? <span className="sr-only">Copied to the clipboard</span> : null}
        {state === "failed" ? "Copy failed: select the text and copy it by hand." : null}
      </span>
    </span>
  );
}
