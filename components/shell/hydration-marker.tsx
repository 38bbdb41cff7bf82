"use client";

import { useEffect } from "react";

/**
 * Sets `data-hydrated` on <html> once React has hydrated the root, so end-to-end tests wait for a page that answers
 * clicks and keys instead of racing the scripts (the e2e harness also waits for the page's Suspense boundaries).
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
