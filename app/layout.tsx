import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "EST – Effektiv samordning för trygghet", template: "%s · EST" },
  description: "Händelser, lägesbilder, tertialanalyser och EST Insats för kommunens trygghetsarbete.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is per user and per request; nothing is prerendered or cached between users.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body>{children}</body>
    </html>
  );
}
