import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import { EXCEPTIONS_PAGE_SIZE, listExceptions } from "@/lib/invites/exception-queries";
import { loadExceptionList, serializeExceptionList, type ExceptionView } from "@/lib/invites/list-schemas";
import { ExceptionsTable } from "./exceptions-table";

export const metadata: Metadata = { title: "Exceptions" };

type Props = { searchParams: Promise<SearchParams> };

export default async function ExceptionsPage({ searchParams }: Props) {
  await requirePermission("exceptions.read");
  const { view, page } = await loadExceptionList(searchParams);
  const result = await listExceptions(await getDb(), { view, page });
  const tab = (v: ExceptionView, label: string) => (
    <Link
      href={serializeExceptionList("/exceptions", { view: v })}
      aria-current={view === v ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${view === v ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Existing-organization exceptions"
        description={
          "Accounts an invite would fail for (or did): a management account of another organization, a member Pump " +
          "must not move without the customer's say, or a refusal from AWS about the account. Opened by the invite " +
          "preflight, by AWS's answer, or by an automatic invite. Times are UTC."
        }
      />
      <nav aria-label="Exception views" className="mb-3 flex gap-1">
        {tab("open", "Open")}
        {tab("all", "All")}
      </nav>
      <ExceptionsTable
        rows={result.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
        total={result.total}
        pageSize={EXCEPTIONS_PAGE_SIZE}
      />
    </>
  );
}
