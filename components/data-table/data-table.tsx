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
import { useQueryStates } from "nuqs";
import { Fragment, useState, useTransition, type ReactNode } from "react";
import { PAGE_SIZES, type TableUrlState } from "@/lib/table/params";
import { Pagination } from "./pagination";
import { ColumnPicker } from "./column-picker";
import { SelectBox } from "./select-box";

export type ColumnMeta = { sortKey?: string; label?: string; className?: string };

type Props<TData> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's column value type varies per column
  columns: ColumnDef<TData, any>[];
  /** The rows as the server sent them: a new array is taken as the rows for the URL's current state. */
  data: TData[];
  total: number;
  /** The total is a lower bound: counting stopped there (see the feature's COUNT_CAP). */
  totalIsCapped?: boolean;
  /** When capped, the database's estimate of the real total. */
  estimatedTotal?: number;
  /**
   * The table's URL state, the same parsers its page loads the rows with (`lib/<feature>/list-schemas.ts`). A
   * table without `size`/`sort` has a fixed page size and order: it shows no size picker and no sort buttons.
   */
  urlState: TableUrlState;
  /** The page size of a table whose URL has no `size`. */
  pageSize?: number;
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
  const [isPending, startTransition] = useTransition();
  const [expanded, setExpanded] = useState<string | null>(null);
  // From a click until the server's next rows arrive, what shows is the old view. Any new rows end the wait,
  // including those Back brings from the router's cache.
  const [isAwaitingRows, setAwaitingRows] = useState(false);
  const [shownData, setShownData] = useState(props.data);
  if (shownData !== props.data) {
    setShownData(props.data);
    setAwaitingRows(false);
  }
  const [url, setUrl] = useQueryStates(props.urlState, {
    // The server sorts and pages, so every change re-renders the page there (not shallow); each change is a
    // history entry, so Back undoes it.
    shallow: false,
    history: "push",
    scroll: false,
    startTransition,
  });
  // nuqs writes the URL at once and the server's rows follow: until they arrive the table says so (aria-busy), so
  // neither a person nor a test takes the old rows for the new view.
  const isLoading = isPending || isAwaitingRows;
  const navigate = (changes: Parameters<typeof setUrl>[0]) => {
    setAwaitingRows(true);
    void setUrl(changes);
  };

  const size = url.size ?? props.pageSize ?? PAGE_SIZES[0];
  const columnIds = props.columns.map((c) => c.id ?? "");
  // Ids the table has no column for are ignored; if none is left, the link meant nothing: show every column.
  const visible = url.cols?.filter((id) => columnIds.includes(id));
  const columnVisibility: VisibilityState = visible?.length
    ? Object.fromEntries(columnIds.map((id) => [id, visible.includes(id)]))
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

  // Column meta is plain text: the key goes through the table's own sort parser, which knows only its allowlist.
  const sortKey = (key: string | undefined) => (key === undefined ? null : (props.urlState.sort?.parse(key) ?? null));
  const toggleSort = (key: string) =>
    navigate({ sort: key, dir: url.sort === key && url.dir === "desc" ? "asc" : "desc", page: null });

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
          {isLoading ? " · loading…" : ""}
        </p>
        <ColumnPicker
          columns={table.getAllLeafColumns().map((c) => ({
            id: c.id,
            label: (c.columnDef.meta as ColumnMeta | undefined)?.label ?? c.id,
            visible: c.getIsVisible(),
          }))}
          onChange={(ids) => navigate({ cols: ids.length === props.columns.length ? null : ids })}
        />
      </div>
      <div
        className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${isLoading ? "opacity-60" : ""}`}
      >
        <table aria-busy={isLoading} className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{props.caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {props.renderExpanded ? <th scope="col" className="w-8" /> : null}
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta as ColumnMeta | undefined;
                  const sort = sortKey(meta?.sortKey);
                  const active = sort !== null && url.sort === sort;
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
                      aria-sort={active ? (url.dir === "asc" ? "ascending" : "descending") : undefined}
                      className="px-3 py-2 text-left font-semibold whitespace-nowrap text-slate-700"
                    >
                      {selectAll}
                      {sort !== null ? (
                        <button
                          type="button"
                          onClick={() => toggleSort(sort)}
                          className="inline-flex items-center gap-1 rounded hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
                        >
                          {label}
                          <span aria-hidden="true">{active ? (url.dir === "asc" ? "▲" : "▼") : "↕"}</span>
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
        page={url.page}
        size={size}
        total={props.total}
        hasMore={props.totalIsCapped === true && props.data.length === size}
        onPage={(page) => navigate({ page })}
        onSize={props.urlState.size ? (s) => navigate({ size: s, page: null }) : undefined}
      />
    </div>
  );
}
