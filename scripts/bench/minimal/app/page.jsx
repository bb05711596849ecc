export const dynamic = "force-dynamic"; // rendered per request, like the app's pages

export default function Page() {
  return (
    <main>
      <h1>Referenssida</h1>
      <p>En minimal Next.js-sida utan data.</p>
    </main>
  );
}
