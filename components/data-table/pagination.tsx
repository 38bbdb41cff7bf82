"use client";

import { PAGE_SIZES } from "@/lib/table/params";
import { Button } from "@/components/ui/button";

type Props = {
  page: number;
  size: number;
  total: number;
  /** More rows exist beyond the counted total. */
  hasMore?: boolean;
  onPage: (p: number) => void;
  /** Absent when the table's page size is fixed. */
  onSize?: (s: number) => void;
};

export function Pagination({ page, size, total, hasMore, onPage, onSize }: Props) {
  const pages = Math.max(1, Math.ceil(total / size), hasMore ? page + 1 : 1);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      {onSize ? (
        <label className="flex items-center gap-2">
          Rows per page
          <select
            value={size}
            onChange={(e) => onSize(Number(e.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
          >
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span />
      )}
      <div className="flex items-center gap-2">
        <span>
          Page {Math.min(page, pages)} of {pages}
          {hasMore ? "+" : ""}
        </span>
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
