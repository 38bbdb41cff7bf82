import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requirePermission } from "@/lib/auth/require";

export const metadata: Metadata = { title: "Exceptions" };

export default async function Page() {
  await requirePermission("exceptions.read");
  return <ComingSoon title="Exceptions" summary="Accounts that already belong to another organization, handled case by case." />;
}
