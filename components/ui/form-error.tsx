import type { ReactNode } from "react";

/**
 * An error that belongs to no single field – a refusal from the server, a failed save, a link that
 * has expired: one look everywhere, announced at once by screen readers (role="alert"). Field
 * errors stay at their fields (components/ui/field.tsx).
 */
export function FormError({ message, testId }: { message: ReactNode; testId?: string }) {
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}
