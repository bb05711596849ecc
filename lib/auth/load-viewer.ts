import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { GroupKind, GroupRole, MunicipalityRole, OrganisationKind } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/validation/ids";
import type { Viewer, ViewerGroup, ViewerMembership } from "./viewer";

type Row = {
  id: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  disabledAt: Date | null;
  sessionVersion: number;
  locale: string;
  memberships: (Omit<ViewerMembership, "role" | "organisationKind"> & { role: MunicipalityRole; organisationKind: OrganisationKind })[];
  groups: (Omit<ViewerGroup, "kind" | "role"> & { kind: GroupKind; role: GroupRole })[];
};

/** Loads a user as a Viewer, or null if the user is missing, disabled or `sessionVersion`
 * no longer matches (their sessions were ended). Every request of a signed-in user runs this,
 * so it is one round trip of plain SQL on the pool (ADR 006) rather than six queries. */
export async function loadViewer(userId: string, sessionVersion?: number): Promise<Viewer | null> {
  if (!isUuid(userId)) return null;
  const [user] = await queryRows<Row>(Prisma.sql`
    SELECT u.id, u.name, u.email, u."isPlatformAdmin", u."disabledAt", u."sessionVersion", u.locale,
      COALESCE((
        -- The first municipality a user joined is their home, chosen when nothing else is.
        SELECT json_agg(json_build_object(
          'municipalityId', m.id, 'municipalitySlug', m.slug, 'municipalityName', m.name,
          'organisationId', o.id, 'organisationName', o.name, 'organisationKind', o.kind, 'role', ms.role) ORDER BY ms."createdAt", ms.id)
        FROM membership ms JOIN municipality m ON m.id = ms."municipalityId" JOIN organisation o ON o.id = ms."organisationId"
        WHERE ms."userId" = u.id), '[]') AS memberships,
      COALESCE((
        SELECT json_agg(json_build_object('groupId', g.id, 'municipalityId', g."municipalityId", 'kind', g.kind, 'role', gm.role) ORDER BY g.id)
        FROM group_member gm JOIN est_group g ON g.id = gm."groupId"
        WHERE gm."userId" = u.id), '[]') AS groups
    FROM "user" u WHERE u.id = ${userId}::uuid`);
  if (!user || user.disabledAt) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin,
    locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE, memberships: user.memberships, groups: user.groups,
  };
}
