/**
 * How a search result lands on an account of the tenant page (client-safe, no DOM at import). The URL carries
 * `#account-<12 digits>`, so a pasted link lands too; the ⌘K dialog also announces the landing, because a
 * client-side navigation to the page already shown changes only the hash and the browser fires no event for it.
 */

export const ACCOUNT_LANDING_EVENT = "pump:land-on-account";

export type AccountLandingDetail = { pumpId: string; accountId: string };

/** `#account-444455556666` → `444455556666`; anything else → null. */
export function accountIdFromHash(hash: string): string | null {
  return /^#account-(\d{12})$/.exec(hash)?.[1] ?? null;
}

export function announceAccountLanding(detail: AccountLandingDetail) {
  window.dispatchEvent(new CustomEvent<AccountLandingDetail>(ACCOUNT_LANDING_EVENT, { detail }));
}
