import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/auth/require";
import { firstAllowedSection } from "@/lib/auth/sections";

export default async function Home() {
  const actor = await requireSignedIn();
  redirect(firstAllowedSection(actor.role));
}
