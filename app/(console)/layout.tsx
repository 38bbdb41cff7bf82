import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { GlobalSearch } from "@/components/shell/global-search";
import { Nav } from "@/components/shell/nav";
import { SandboxBanner } from "@/components/shell/sandbox-banner";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { roleLabels } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/require";
import { sectionsFor } from "@/lib/auth/sections";
import { getEnv } from "@/lib/env";

// Navigation and identity only. Each page authorizes itself; this layout is not a security boundary.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireSignedIn();
  const items = sectionsFor(actor.role).map(({ href, label }) => ({ href, label }));
  const isSandbox = getEnv().aws.mode === "sandbox";

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {isSandbox ? <SandboxBanner /> : null}
      <div className="flex flex-1">
        <aside className="flex w-60 shrink-0 flex-col bg-slate-900 px-3 py-4 print:hidden">
          <p className="px-3 pb-4 text-lg font-semibold text-white">Pump Console</p>
          <Nav items={items} />
          <div className="mt-auto border-t border-slate-700 px-3 pt-4">
            <p className="truncate text-sm font-medium text-white" title={actor.email}>
              {actor.name}
            </p>
            <p className="truncate text-xs text-slate-400">{actor.email}</p>
            <p className="mt-1 text-xs text-slate-300" data-testid="current-role">
              {roleLabels[actor.role]}
            </p>
            <div className="mt-3">
              <SignOutButton />
            </div>
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="border-b border-slate-200 bg-white px-6 py-3 print:hidden">
            <GlobalSearch />
          </header>
          <main id="main" className="flex-1 px-6 py-6">
            {/* The tables keep their state in the URL through nuqs (lib/table/params.ts). */}
            <NuqsAdapter>{children}</NuqsAdapter>
          </main>
        </div>
      </div>
    </div>
  );
}
