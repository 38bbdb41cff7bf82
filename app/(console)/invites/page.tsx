import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requirePermission } from "@/lib/auth/require";

export const metadata: Metadata = { title: "Invites" };

export default async function Page() {
  await requirePermission("invites.read");
  return <ComingSoon title="Invites" summary="Every AWS Organizations invite Pump sent: state, expiry, cancel and resend." />;
}
