import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OnboardingRow } from "@/lib/onboarding/queries";
import { roleTypeLabels } from "@/lib/tenants/labels";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import { formatUtc } from "@/lib/format/utc";
import { IssueOnboardingForm, OnboardingActions } from "./onboarding-forms";

const statusTones: Record<OnboardingRow["status"], BadgeTone> = {
  issued: "info",
  deployed: "warn",
  verified: "good",
  failed: "bad",
  expired: "neutral",
  revoked: "neutral",
};

type Props = {
  tenantId: string;
  rows: OnboardingRow[];
  canIssue: boolean;
  canSimulate: boolean;
};

/** Quick-create links issued for this tenant, newest first, and the form that issues one. */
export function OnboardingSection({ tenantId, rows, canIssue, canSimulate }: Props) {
  return (
    <section aria-labelledby="onboarding-title" className="mb-8">
      <h2 id="onboarding-title" className="mb-3 text-lg font-semibold text-slate-900">
        Onboarding links
      </h2>
      {canIssue ? <IssueOnboardingForm tenantId={tenantId} /> : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No onboarding link has been issued for this tenant.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Onboarding links</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Account
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Role type
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Region
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Expires (UTC)
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id} data-testid={`onboarding-${r.id}`}>
                  <td className="px-3 py-2 align-top">
                    <Badge tone={statusTones[r.status]}>{r.status}</Badge>
                    {r.isFinalStep ? <span className="ml-1 text-xs text-slate-600">final step</span> : null}
                    {r.failureReason ? <p className="mt-1 max-w-md text-xs text-red-800">{r.failureReason}</p> : null}
                  </td>
                  <td className="px-3 py-2 align-top font-mono text-xs">
                    {r.accountId ? formatAccountId(r.accountId) : "any account"}
                  </td>
                  <td className="px-3 py-2 align-top">{roleTypeLabels[r.roleType]}</td>
                  <td className="px-3 py-2 align-top font-mono text-xs">{r.region}</td>
                  <td className="px-3 py-2 align-top font-mono text-xs">{formatUtc(r.expiresAt)}</td>
                  <td className="px-3 py-2 align-top">
                    {canIssue && r.status !== "verified" ? (
                      <OnboardingActions
                        onboardingId={r.id}
                        isLive={r.status === "issued"}
                        needsAccountId={!r.accountId}
                        canSimulate={canSimulate && r.status === "issued"}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
