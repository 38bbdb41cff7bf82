import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import { deploymentLabels, describeMembership, verificationTones } from "@/lib/tenants/detail-labels";
import { onboardingLabels, onboardingTones, roleTypeLabels, verificationLabels } from "@/lib/tenants/labels";
import type { AccountCardData } from "@/lib/tenants/tenant-queries";
import { AccountInvites, OpenExceptions, type InviteControls } from "./account-invites";
import { AccountSection, LandingMarker } from "./account-landing";
import { InvitePanel, type OrganizationChoice } from "./invite-panel";
import { VerifyRoleButton } from "./verify-role-button";
import { ExternalIdReveal } from "./external-id-reveal";
import { formatUtc } from "@/lib/format/utc";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  );
}

type Props = {
  account: AccountCardData;
  pumpId: string;
  canWrite: boolean;
  canReveal: boolean;
  canVerify?: boolean;
  canManual?: boolean;
  inviteControls: InviteControls;
  /** Set when the staff member may invite (invites.send); the panel shows only for accounts not yet in Pump. */
  invite: { organizations: OrganizationChoice[]; defaultOrganizationId: string | null } | null;
};

/**
 * One AWS account. Its id is the anchor global search links to, `#account-<12 digits>`; the card landed on is
 * marked and focused (account-landing.tsx).
 */
export function AccountCard({
  account: a,
  pumpId,
  canWrite,
  canReveal,
  canVerify,
  canManual,
  inviteControls,
  invite,
}: Props) {
  const label = formatAccountId(a.accountId);
  return (
    <AccountSection accountId={a.accountId}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3
            id={`account-${a.accountId}-title`}
            className="flex items-center gap-2 text-base font-semibold text-slate-900"
          >
            <span className="font-mono">{label}</span>
            <CopyButton value={a.accountId} label={`Copy account ID ${a.accountId}`} />
            <span className="font-normal text-slate-600">{a.name}</span>
          </h3>
          <LandingMarker accountId={a.accountId} accountLabel={label} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs text-slate-500">Onboarding</span>
          <Badge tone={onboardingTones[a.onboardingState]}>{onboardingLabels[a.onboardingState]}</Badge>
          {a.membership === "pump_member" ? (
            <Badge tone="good">Joined {a.pumpOrganizationName ?? "a Pump organization"}</Badge>
          ) : null}
          {/* In the header, right after the landing marker in the tab order: landed on, it is one Tab away. */}
          {canVerify && a.roleArn ? <VerifyRoleButton awsAccountId={a.id} accountLabel={label} /> : null}
          {canWrite ? (
            <Link href={`/tenants/${pumpId}/accounts/${a.accountId}/edit`} className={buttonClass("secondary", "sm")}>
              Edit account<span className="sr-only"> {label}</span>
            </Link>
          ) : null}
        </div>
      </div>
      <dl className="divide-y divide-slate-100">
        <Row label="Root / contact email">{a.email ?? <span className="text-slate-500">not recorded</span>}</Row>
        <Row label="Role ARN">
          {a.roleArn ? (
            <span className="flex flex-wrap items-center gap-2">
              <code className="font-mono text-xs break-all" data-testid="role-arn">
                {a.roleArn}
              </code>
              <CopyButton value={a.roleArn} label={`Copy role ARN of account ${label}`} />
            </span>
          ) : (
            <span className="text-slate-500">No role deployed yet</span>
          )}
        </Row>
        <Row label="Role type">{roleTypeLabels[a.roleType]}</Row>
        <Row label="Deployment">
          <span className="flex flex-wrap items-center gap-3">
            <span>{a.deploymentMethod ? deploymentLabels[a.deploymentMethod] : "—"}</span>
            {canManual ? (
              <Link
                href={`/tenants/${pumpId}/accounts/${a.accountId}/manual`}
                className="text-sm text-indigo-700 hover:underline"
              >
                Manual deployment instructions<span className="sr-only"> for {label}</span>
              </Link>
            ) : null}
          </span>
        </Row>
        <Row label="External ID">
          <ExternalIdReveal
            awsAccountId={a.id}
            accountLabel={label}
            masked={a.externalIdMasked}
            canReveal={canReveal}
          />
        </Row>
        <Row label="Verification">
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={verificationTones[a.verificationState]}>{verificationLabels[a.verificationState]}</Badge>
            <span className="text-xs text-slate-600">last checked {formatUtc(a.lastVerifiedAt)}</span>
          </span>
          {a.lastVerificationError ? <p className="mt-1 text-sm text-red-800">{a.lastVerificationError}</p> : null}
        </Row>
        <Row label="Membership">{describeMembership(a)}</Row>
        <Row label="Open exceptions">
          <OpenExceptions account={a} />
        </Row>
        <Row label="Invites">
          <AccountInvites account={a} controls={inviteControls} />
        </Row>
      </dl>
      {invite && a.membership !== "pump_member" ? (
        <InvitePanel
          awsAccountId={a.id}
          accountId={a.accountId}
          organizations={invite.organizations}
          defaultOrganizationId={invite.defaultOrganizationId}
          transferLosses={inviteControls.transferLosses}
        />
      ) : null}
    </AccountSection>
  );
}
