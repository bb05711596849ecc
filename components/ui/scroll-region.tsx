/** The scroll container of a table wider than the screen: focusable, so keyboard users can scroll
 * it with the arrow keys, and named, so screen readers say what the region holds (WCAG 2.1.1). */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
