import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import { manualInstructions, type CodeBlock, type ManualSection } from "@/lib/onboarding/manual-instructions";
import { getPumpPrincipalArn, revealManualDeploymentData } from "@/lib/onboarding/manual-queries";
import { PolicyInputError, ROLE_NAMES } from "@/lib/onboarding/policies";
import { getRequestId } from "@/lib/request-id";
import { ACCOUNT_ID_PATTERN, formatAccountId } from "@/lib/tenants/aws-ids";
import { pumpIdSchema } from "@/lib/tenants/schemas";
import { InstructionsToolbar } from "./instructions-toolbar";
import { RecordRoleForm } from "./record-role-form";

export const metadata: Metadata = { title: "Manual role deployment" };

type Props = { params: Promise<{ pumpId: string; accountId: string }> };

/**
 * How a customer who cannot use CloudFormation deploys Pump's role by hand: console steps, CLI commands and
 * Terraform, with the account's real values. It shows the External ID, so it needs the permission that records
 * manual deployments, and every view is audited (the read and its audit row commit together).
 */
export default async function ManualDeploymentPage({ params }: Props) {
  const actor = await requirePermission("onboarding.record_manual");
  const raw = await params;
  const pumpId = pumpIdSchema.safeParse(raw.pumpId);
  if (!pumpId.success || !ACCOUNT_ID_PATTERN.test(raw.accountId)) notFound();
  const db = await getDb();

  // Checked before the reveal: without Pump's principal there is nothing to show, so nothing is revealed.
  const principal = await getPumpPrincipalArn(db, pumpId.data);
  if (!principal) {
    return (
      <Alert tone="error">
        No default Pump organization is configured, so these instructions cannot name the role to trust. An admin must
        mark one Pump organization as the default.
      </Alert>
    );
  }
  const account = await revealManualDeploymentData(db, actor, getRequestId(), {
    pumpId: pumpId.data,
    accountId: raw.accountId,
  });
  if (!account) notFound();

  const title = `Manual role deployment: ${formatAccountId(account.accountId)}`;
  const roleLabel = account.roleType === "autopilot" ? "Autopilot" : "Read-only";
  const description = `${account.tenantName} (${account.pumpId}) · ${account.name} · ${roleLabel} role`;
  let instructions;
  try {
    instructions = manualInstructions({
      accountId: account.accountId,
      roleType: account.roleType,
      externalId: account.externalId,
      pumpPrincipalArn: principal,
      roleName: ROLE_NAMES[account.roleType],
    });
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error;
    return (
      <>
        <PageHeader title={title} description={description} />
        <Alert tone="error">These instructions cannot be written safely: {error.message}</Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <InstructionsToolbar
            markdown={instructions.markdown}
            fileName={`pump-role-${account.accountId}-${account.roleType.replace("_", "-")}.md`}
          />
        }
      />
      <div className="mb-6 space-y-3 print:hidden">
        <Alert tone="info">
          This page shows the account&apos;s External ID; your view is recorded in the audit log.
        </Alert>
        {account.roleArn ? (
          <Alert tone="info">
            A role is already recorded for this account: <span className="font-mono">{account.roleArn}</span>
          </Alert>
        ) : null}
      </div>

      <section
        aria-label="Values"
        className="mb-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:border-slate-400 print:shadow-none"
      >
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {instructions.summary.map((item) => (
            <div key={item.label} className="contents">
              <dt className="font-medium text-slate-700">{item.label}</dt>
              <dd className="font-mono break-all text-slate-900">{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {instructions.sections.map((section) => (
        <InstructionSection key={section.id} section={section} />
      ))}

      <RecordRoleForm awsAccountId={account.id} />

      <p className="mt-8 print:hidden">
        <Link href={`/tenants/${account.pumpId}`} className="text-sm text-indigo-700 hover:underline">
          Back to {account.tenantName}
        </Link>
      </p>
    </>
  );
}

function InstructionSection({ section }: { section: ManualSection }) {
  return (
    <section aria-labelledby={`manual-${section.id}`} className="mb-10 print:break-before-auto">
      <h2 id={`manual-${section.id}`} className="text-lg font-semibold text-slate-900">
        {section.title}
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{section.intro}</p>
      <ol className="list-decimal space-y-5 pl-6 text-sm text-slate-800 marker:font-semibold">
        {section.steps.map((step) => (
          <li key={step.title} className="pl-1">
            <p>
              <span className="font-semibold text-slate-900">{step.title}.</span> {step.text}
            </p>
            {step.code ? <CodeBlockView block={step.code} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CodeBlockView({ block }: { block: CodeBlock }) {
  return (
    <figure className="mt-2">
      <figcaption className="mb-1 flex items-center justify-between gap-2 text-xs text-slate-600">
        <span>{block.label}</span>
        <span className="print:hidden">
          <CopyButton value={block.code} label={`Copy ${block.label}`} />
        </span>
      </figcaption>
      <pre className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 print:max-h-none print:overflow-visible print:border print:border-slate-400 print:bg-white print:break-all print:whitespace-pre-wrap print:text-black">
        <code>{block.code}</code>
      </pre>
    </figure>
  );
}
