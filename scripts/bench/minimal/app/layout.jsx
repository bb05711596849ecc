// The reference for page benchmarks: a minimal Next.js app with no data, no session, no proxy.
export default function RootLayout({ children }) {
  return (
    <html lang="sv">
      <body>{children}</body>
    </html>
  );
}
