import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requirePermission } from "@/lib/auth/require";

export const metadata: Metadata = { title: "Tenants" };

export default async function Page() {
  await requirePermission("tenants.read");
  return <ComingSoon title="Tenants" summary="Find a customer by account ID, role ARN, Pump ID, email or name, and see its AWS accounts, role ARNs and onboarding state." />;
}
