import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { pumpIdSchema } from "@/lib/tenants/schemas";
import { getTenantHeader } from "@/lib/tenants/tenant-queries";

/**
 * An unknown Pump ID answers 404 here, in a layout outside the pages' loading boundaries, so the status is real
 * rather than a 200 that later renders "not found". (Access is checked by the tenants layout and each page.)
 */
export default async function TenantLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ pumpId: string }>;
}) {
  const parsed = pumpIdSchema.safeParse((await params).pumpId);
  if (!parsed.success || !(await getTenantHeader(await getDb(), parsed.data))) notFound();
  return children;
}
