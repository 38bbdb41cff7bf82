"use client";

import { Button } from "@/components/ui/button";

// The message shown is generic on purpose: details stay in the server log under the digest.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 text-center shadow-sm">
      <h1 className="text-lg font-semibold text-slate-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">
        Something went wrong on our side. Try again; if it keeps failing, report it with this reference:{" "}
        <code className="rounded bg-slate-100 px-1">{error.digest ?? "n/a"}</code>
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
