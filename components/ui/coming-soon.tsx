import { EmptyState } from "./empty-state";
import { PageHeader } from "./page-header";

/** An honest placeholder for a section whose capability has not been built yet: no fake data. */
export function ComingSoon({ title, summary }: { title: string; summary: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Coming soon">
        <p>{summary}</p>
        <p className="mt-2">This section is not built yet, so there is nothing to show here.</p>
      </EmptyState>
    </>
  );
}
