import type { TenantHeader } from "@/lib/tenants/tenant-queries";
import { formatUtc } from "@/lib/format/utc";

/** Who the customer is: contacts, account manager and notes. */
export function TenantSummary({ tenant }: { tenant: TenantHeader }) {
  return (
    <section
      aria-label="Tenant details"
      className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3"
    >
      <div>
        <h2 className="text-sm font-semibold text-slate-900">Contacts</h2>
        <ul className="mt-1 space-y-1 text-sm">
          {tenant.contacts.map((c) => (
            <li key={`${c.name}-${c.email}`}>
              {c.name}{" "}
              <a href={`mailto:${c.email}`} className="text-indigo-700 hover:underline">
                {c.email}
              </a>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h2 className="text-sm font-semibold text-slate-900">Account manager</h2>
        <p className="mt-1 text-sm">
          {tenant.accountManager ? (
            <>
              {tenant.accountManager.name} <span className="text-slate-500">{tenant.accountManager.email}</span>
            </>
          ) : (
            <span className="text-slate-500">None assigned</span>
          )}
        </p>
        <p className="mt-3 text-xs text-slate-500">
          {tenant.accountsCount} AWS account{tenant.accountsCount === 1 ? "" : "s"} · created{" "}
          {formatUtc(tenant.createdAt)} · last activity {formatUtc(tenant.lastActivityAt)}
        </p>
      </div>
      <div>
        <h2 className="text-sm font-semibold text-slate-900">Notes</h2>
        <p className="mt-1 text-sm whitespace-pre-line text-slate-700">
          {tenant.notes || <span className="text-slate-500">No notes</span>}
        </p>
      </div>
    </section>
  );
}
