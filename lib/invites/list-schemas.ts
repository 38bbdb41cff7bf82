import { z } from "zod";
import { INVITE_FILTERS } from "./queries";

/**
 * The Invites page's URL: `?state=pending&org=<uuid>&page=2&cols=a,b`. Unknown or malformed values fall back to
 * "no filter" instead of failing the page; the state filter is an allowlist, so nothing from the URL reaches SQL.
 */
export const inviteListQuerySchema = z.object({
  state: z.enum(INVITE_FILTERS).catch("all"),
  org: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  cols: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v.split(",").filter(Boolean) : undefined)),
});
export type InviteListQuery = z.output<typeof inviteListQuerySchema>;
