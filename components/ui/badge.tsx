import type { ReactNode } from "react";
import type { BadgeTone } from "@/lib/tone";

export type { BadgeTone };

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  good: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  warn: "bg-amber-50 text-amber-800 ring-amber-300",
  bad: "bg-red-50 text-red-800 ring-red-300",
  info: "bg-indigo-50 text-indigo-800 ring-indigo-300",
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
