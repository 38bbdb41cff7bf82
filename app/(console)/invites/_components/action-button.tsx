"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { OutcomeText, useOutcomeReporter, type Outcome } from "./outcome-notice";

type Props<T> = {
  action: (input: Record<string, unknown>) => Promise<ActionResult<T>>;
  input: Record<string, unknown>;
  children: ReactNode;
  pendingLabel: string;
  /** The success message; `isProblem` when the action succeeded but reports something staff must see (AWS unreadable). */
  describe: (data: T) => Outcome;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md";
};

/**
 * One button, one server action with a fixed input: pending while it runs, the action's own error in plain
 * words (role=alert), the outcome afterwards, and the page's data refreshed.
 */
export function ActionButton<T>({
  action,
  input,
  children,
  pendingLabel,
  describe,
  variant = "secondary",
  size = "sm",
}: Props<T>) {
  const router = useRouter();
  const report = useOutcomeReporter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = () =>
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        setOutcome({ text: result.error, isProblem: true });
        return;
      }
      const done = describe(result.data);
      if (report) {
        report(done);
        setOutcome(null);
      } else setOutcome(done);
      router.refresh();
    });

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button variant={variant} size={size} onClick={run} disabled={pending}>
        {pending ? pendingLabel : children}
      </Button>
      <OutcomeText outcome={outcome} />
    </span>
  );
}
