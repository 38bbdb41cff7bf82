import type { CheckStatus } from "@/lib/invites/preflight";
import type { PreflightView } from "@/lib/invites/views";

const statusText: Record<CheckStatus, { icon: string; label: string; className: string }> = {
  pass: { icon: "✓", label: "Pass", className: "text-emerald-800" },
  fail: { icon: "✗", label: "Fail", className: "text-red-800" },
  warn: { icon: "!", label: "Warning", className: "text-amber-800" },
  info: { icon: "i", label: "Info", className: "text-indigo-800" },
  skipped: { icon: "–", label: "Skipped", className: "text-slate-500" },
};

/** Each check with its status as icon and word (colour is never the only signal), and what it found. */
export function PreflightChecklist({ checks }: { checks: PreflightView["checks"] }) {
  return (
    <ul aria-label="Preflight checklist" className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {checks.map((c) => (
        <li key={c.key} data-status={c.status} className="grid grid-cols-[6rem_1fr] gap-2 px-3 py-2 text-sm">
          <span className={`font-medium ${statusText[c.status].className}`}>
            <span aria-hidden="true" className="mr-1 inline-block w-3 text-center">
              {statusText[c.status].icon}
            </span>
            {statusText[c.status].label}
          </span>
          <span>
            <span className="font-medium text-slate-900">{c.label}</span>
            <span className="block text-slate-600">{c.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

const verdictTones: Record<PreflightView["verdict"]["kind"], string> = {
  ready: "border-emerald-300 bg-emerald-50 text-emerald-950",
  confirm_transfer: "border-amber-400 bg-amber-50 text-amber-950",
  exception: "border-amber-400 bg-amber-50 text-amber-950",
  hold: "border-indigo-300 bg-indigo-50 text-indigo-950",
  already_pending: "border-slate-300 bg-slate-50 text-slate-900",
  already_member: "border-slate-300 bg-slate-50 text-slate-900",
  blocked: "border-red-300 bg-red-50 text-red-950",
};

export function VerdictBox({ verdict }: { verdict: PreflightView["verdict"] }) {
  return (
    <div
      role="group"
      aria-label="Preflight verdict"
      className={`rounded-md border px-3 py-2 text-sm ${verdictTones[verdict.kind]}`}
    >
      <p className="font-semibold">{verdict.title}</p>
      <p className="mt-0.5">{verdict.detail}</p>
    </div>
  );
}
