"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type Row,
  type RowSelectionState,
  type VisibilityState,
} from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState, useTransition, type ReactNode } from "react";
import { Pagination } from "./pagination";
import { ColumnPicker } from "./column-picker";
import { SelectBox } from "./select-box";

export type ColumnMeta = { sortKey?: string; label?: string; className?: string };

type Props<TData> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's column value type varies per column
  columns: ColumnDef<TData, any>[];
  data: TData[];
  total: number;
  /** The total is a lower bound: counting stopped there (see the feature's COUNT_CAP). */
  totalIsCapped?: boolean;
  /** When capped, the database's estimate of the real total. */
  estimatedTotal?: number;
  page: number;
  size: number;
  sort: string;
  dir: "asc" | "desc";
  /** Visible column ids from the URL (`cols`); undefined = all. */
  visible?: string[];
  caption: string;
  emptyMessage?: ReactNode;
  renderExpanded?: (row: Row<TData>) => ReactNode;
  /**
   * TanStack row selection, its state owned by the caller so picks survive paging (keys are `rowId`s). The shell
   * draws the checkboxes at the start of the first visible column rather than as a column of their own: a
   * selection control is not data, so it stays out of the column picker, the `cols` URL state and any export.
   */
  selection?: {
    state: RowSelectionState;
    onChange: OnChangeFn<RowSelectionState>;
    rowId: (row: TData) => string;
    rowLabel: (row: TData) => string;
  };
};

/**
 * The one table shell. The server does the sorting, filtering and paging (`manual*`); this component only turns
 * clicks into URL changes, so any view can be shared as a link and reopens exactly.
 */
export function DataTable<TData>(props: Props<TData>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const [expanded, setExpanded] = useState<string | null>(null);

  const columnVisibility: VisibilityState = props.visible
    ? Object.fromEntries(props.columns.map((c) => [c.id ?? "", props.visible!.includes(c.id ?? "")]))
    : {};

  // The React Compiler is not enabled here, so TanStack's non-memoizable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: props.data,
    columns: props.columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    rowCount: props.total,
    enableRowSelection: props.selection !== undefined,
    getRowId: props.selection ? (row) => props.selection!.rowId(row) : undefined,
    onRowSelectionChange: props.selection?.onChange,
    state: { columnVisibility, rowSelection: props.selection?.state ?? {} },
  });
  const firstColumnId = table.getVisibleLeafColumns()[0]?.id;

  const navigate = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    startTransition(() => router.push(`${pathname}?${next.toString()}`, { scroll: false }));
  };

  const toggleSort = (key: string) =>
    navigate({ sort: key, dir: props.sort === key && props.dir === "desc" ? "asc" : "desc", page: "1" });

  const visibleCount = table.getVisibleLeafColumns().length + (props.renderExpanded ? 1 : 0);

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3 text-sm text-slate-600">
        <p aria-live="polite">
          {props.total.toLocaleString("en-US")}
          {props.totalIsCapped ? "+" : ""} {props.total === 1 ? "row" : "rows"}
          {props.totalIsCapped && props.estimatedTotal
            ? ` · about ${props.estimatedTotal.toLocaleString("en-US", { maximumSignificantDigits: 2 })}`
            : ""}
          {isPending ? " · loading…" : ""}
        </p>
        <ColumnPicker
          columns={table.getAllLeafColumns().map((c) => ({
            id: c.id,
            label: (c.columnDef.meta as ColumnMeta | undefined)?.label ?? c.id,
            visible: c.getIsVisible(),
          }))}
          onChange={(ids) => navigate({ cols: ids.length === props.columns.length ? undefined : ids.join(",") })}
        />
      </div>
      <div
        className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${isPending ? "opacity-60" : ""}`}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{props.caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {props.renderExpanded ? <th scope="col" className="w-8" /> : null}
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta as ColumnMeta | undefined;
                  const sortKey = meta?.sortKey;
                  const active = sortKey !== undefined && props.sort === sortKey;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  const selectAll =
                    props.selection && header.column.id === firstColumnId ? (
                      <SelectBox
                        label="Select every row on this page"
                        checked={table.getIsAllPageRowsSelected()}
                        indeterminate={table.getIsSomePageRowsSelected()}
                        onChange={(checked) => table.toggleAllPageRowsSelected(checked)}
                      />
                    ) : null;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : undefined}
                      className="px-3 py-2 text-left font-semibold whitespace-nowrap text-slate-700"
                    >
                      {selectAll}
                      {sortKey ? (
                        <button
                          type="button"
                          onClick={() => toggleSort(sortKey)}
                          className="inline-flex items-center gap-1 rounded hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
                        >
                          {label}
                          <span aria-hidden="true">{active ? (props.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={visibleCount} className="px-3 py-10 text-center text-slate-500">
                  {props.emptyMessage ?? "Nothing matches these filters."}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <Fragment key={row.id}>
                  <tr className="hover:bg-slate-50">
                    {props.renderExpanded ? (
                      <td className="px-2 py-2 align-top">
                        <button
                          type="button"
                          aria-expanded={expanded === row.id}
                          aria-label={expanded === row.id ? "Hide details" : "Show details"}
                          onClick={() => setExpanded(expanded === row.id ? null : row.id)}
                          className="rounded px-1 text-slate-500 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                        >
                          {expanded === row.id ? "▾" : "▸"}
                        </button>
                      </td>
                    ) : null}
                    {row.getVisibleCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={`px-3 py-2 align-top ${(cell.column.columnDef.meta as ColumnMeta | undefined)?.className ?? ""}`}
                      >
                        {props.selection && cell.column.id === firstColumnId ? (
                          <SelectBox
                            label={`Select ${props.selection.rowLabel(row.original)}`}
                            checked={row.getIsSelected()}
                            onChange={(checked) => row.toggleSelected(checked)}
                          />
                        ) : null}
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                  {props.renderExpanded && expanded === row.id ? (
                    <tr className="bg-slate-50">
                      <td colSpan={visibleCount} className="px-4 py-3">
                        {props.renderExpanded(row)}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination
        page={props.page}
        size={props.size}
        total={props.total}
        hasMore={props.totalIsCapped === true && props.data.length === props.size}
        onPage={(p) => navigate({ page: String(p) })}
        onSize={(s) => navigate({ size: String(s), page: "1" })}
      />
    </div>
  );
}
