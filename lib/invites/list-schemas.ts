import { createLoader, createSerializer, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { fixedTableParams, parseAsUuid } from "@/lib/table/params";

/** The Invites page's state filter: an allowlist, so nothing from the URL reaches SQL. */
export const INVITE_FILTERS = [
  "all",
  "pending",
  "queued",
  "in_flight",
  "failed",
  "ACCEPTED",
  "DECLINED",
  "CANCELED",
  "EXPIRED",
] as const;
export type InviteFilter = (typeof INVITE_FILTERS)[number];

/**
 * The Invites page's URL: `?state=pending&org=<uuid>&page=2&cols=a,b`. Unknown or malformed values fall back to
 * "no filter" instead of failing the page.
 */
export const inviteListParams = {
  ...fixedTableParams,
  state: parseAsStringLiteral(INVITE_FILTERS).withDefault("all"),
  org: parseAsUuid,
};
export const loadInviteList = createLoader(inviteListParams);
export const serializeInviteList = createSerializer(inviteListParams);
export type InviteListQuery = inferParserType<typeof inviteListParams>;

export const EXCEPTION_VIEWS = ["open", "all"] as const;
export type ExceptionView = (typeof EXCEPTION_VIEWS)[number];

/** The Exceptions page's URL: `?view=all&page=2`; open cases unless asked otherwise. */
export const exceptionListParams = {
  ...fixedTableParams,
  view: parseAsStringLiteral(EXCEPTION_VIEWS).withDefault("open"),
};
export const loadExceptionList = createLoader(exceptionListParams);
export const serializeExceptionList = createSerializer(exceptionListParams);
