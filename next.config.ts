import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";
import { getEnv } from "./lib/env";

/**
 * CSP: scripts and styles only from this origin. Next's App Router streams inline bootstrap scripts, and a nonce
 * would need a request proxy (`proxy.ts`) at the top level, which the fixed layout leaves out, so inline scripts
 * are allowed; everything else (objects, base URI, framing, foreign connections) is shut.
 */
function contentSecurityPolicy(dev: boolean, extraFormActions: string[]) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self'${extraFormActions.map((o) => ` ${o}`).join("")}`,
  ].join("; ");
}

export default function config(phase: string): NextConfig {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  // Validate configuration when a server starts (not at build time): a bad value stops start-up, naming it.
  const isServer = dev || phase === PHASE_PRODUCTION_SERVER;
  const issuer = isServer ? getEnv().oidc?.issuer : undefined;
  const securityHeaders = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev, issuer ? [new URL(issuer).origin] : []) },
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  return {
    poweredByHeader: false,
    // The dev badge would otherwise sit on top of the sidebar's sign-out button.
    devIndicators: { position: "bottom-right" },
    typedRoutes: false,
    // `forbidden()` renders app/forbidden.tsx with a real 403 status.
    experimental: { authInterrupts: true },
    serverExternalPackages: ["@electric-sql/pglite", "pg"],
    async headers() {
      return [
        { source: "/:path*", headers: securityHeaders },
        // Signed-in pages and APIs are never stored by the browser or a proxy. Static assets keep Next's caching.
        {
          source: "/((?!_next/static|_next/image|favicon.ico).*)",
          headers: [{ key: "Cache-Control", value: "no-store" }],
        },
      ];
    },
  };
}
