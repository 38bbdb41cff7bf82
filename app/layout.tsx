import type { Metadata } from "next";
import type { ReactNode } from "react";
import { HydrationMarker } from "@/components/shell/hydration-marker";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pump Console", template: "%s · Pump Console" },
  description: "Pump's internal console for customer onboarding into AWS.",
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
