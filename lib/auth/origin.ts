/**
 * CSRF defence for mutations, on top of Next's own server-action check: the request must carry an `Origin` equal to
 * the console's configured origin. `Origin: null`, a foreign origin, or no Origin at all change nothing.
 */
export function isTrustedOrigin(headers: Headers, appOrigin: string): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return false;
  const origin = headers.get("origin");
  return origin !== null && origin === appOrigin;
}
