import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requirePermission } from "@/lib/auth/require";

export const metadata: Metadata = { title: "Customer access" };

export default async function Page() {
  await requirePermission("customer_access.read");
  return (
    <ComingSoon
      title="Customer access"
      summary="Who may assume PumpCustomerAccess in each management account, and tightening it."
    />
  );
}
