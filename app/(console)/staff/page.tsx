import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require";
import { listStaff } from "@/lib/staff/queries";
import { AddStaffForm } from "./add-staff-form";
import { StaffTable } from "./staff-table";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const actor = await requirePermission("staff.read");
  const rows = await listStaff(await getDb());
  const canManage = can(actor.role, "staff.manage");
  return (
    <>
      <PageHeader
        title="Staff"
        description="Who can use the console and with which role. Changes apply on the member's next request."
      />
      {canManage ? <AddStaffForm /> : null}
      <StaffTable
        rows={rows.map((r) => ({
          ...r,
          disabledAt: r.disabledAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
        }))}
        currentStaffId={actor.id}
        canManage={canManage}
      />
    </>
  );
}
