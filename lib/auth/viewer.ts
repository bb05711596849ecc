// The signed-in user as every query and permission check sees them. Isomorphic type only.
import type { Locale } from "@/lib/i18n/locales";
import type { GroupKind, GroupRole, MunicipalityRole, OrganisationKind } from "@/lib/generated/prisma/enums";

export type ViewerMembership = {
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  organisationId: string;
  organisationName: string;
  organisationKind?: OrganisationKind;
  role: MunicipalityRole;
};

export type ViewerGroup = {
  groupId: string;
  municipalityId: string;
  kind: GroupKind;
  role: GroupRole;
};

export type Viewer = {
  userId: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  /** The language the user chose for the app. */
  locale: Locale;
  memberships: ViewerMembership[];
  groups: ViewerGroup[];
};
