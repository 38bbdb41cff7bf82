import type { ReactNode } from "react";
import { SectionGuard } from "@/components/ui/section-guard";

export default function Layout({ children }: { children: ReactNode }) {
  return <SectionGuard permission="organizations.read">{children}</SectionGuard>;
}
