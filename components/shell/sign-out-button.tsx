/** A plain form posting a server action: works before the page's JavaScript has loaded and needs
 * no client library. The layout passes the action (components do not import from app/). */
export function SignOutButton({ action, label }: { action: () => Promise<void>; label: string }) {
  return (
    <form action={action} className="inline-form">
      <button type="submit" className="btn-link">
        {label}
      </button>
    </form>
  );
}
