import type { ReactNode } from "react";

type Props = {
  /** What is measured, for screen readers ("Account quota use"). */
  label: string;
  value: number;
  max: number;
  /** Full or over: the bar turns amber/red, and the caller says so in words too (colour is never the only signal). */
  tone?: "ok" | "warn" | "bad";
  children?: ReactNode;
};

const fills = { ok: "bg-indigo-500", warn: "bg-amber-500", bad: "bg-red-600" } as const;

/** A horizontal usage bar with its numbers beside it; `role="meter"` so assistive tech reads value and maximum. */
export function Meter({ label, value, max, tone = "ok", children }: Props) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 100;
  return (
    <div className="space-y-1">
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={`${value} of ${max}`}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full ${fills[tone]}`} style={{ width: `${percent}%` }} />
      </div>
      {children ? <div className="text-sm text-slate-700">{children}</div> : null}
    </div>
  );
}
