"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * The whole set of instructions as one Markdown document: copy it into a ticket, download it as a .md file, or
 * print the page. Hidden when printing (the printout is the page itself).
 */
export function InstructionsToolbar({ markdown, fileName }: { markdown: string; fileName: string }) {
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  async function copyAll() {
    try {
      await navigator.clipboard.writeText(markdown);
      setCopyState("copied");
    } catch {
      // Clipboard access can be refused (permissions, insecure origin); say so rather than pretend.
      setCopyState("failed");
    }
    setTimeout(() => setCopyState("idle"), 2000);
  }

  function download() {
    // A blob URL, revoked once the browser has started the download: nothing leaves the page.
    const url = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <button type="button" onClick={copyAll} className={buttonClass("secondary")}>
        {copyState === "copied" ? "Copied" : "Copy all as Markdown"}
      </button>
      <button type="button" onClick={download} className={buttonClass("secondary")}>
        Download
      </button>
      <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
        Print
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {copyState === "copied" ? <span className="sr-only">Markdown copied to the clipboard</span> : null}
        {copyState === "failed" ? "Copy failed: use Download instead." : null}
      </span>
    </div>
  );
}
