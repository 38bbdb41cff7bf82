import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requirePermission } from "@/lib/auth/require";

export const metadata: Metadata = { title: "SSO setups" };

export default async function Page() {
  await requirePermission("sso.read");
  return <ComingSoon title="SSO setups" summary="IAM Identity Center exports and imports for organization moves." />;
}
