// The signed-in user as every query and permission check sees them. Isomorphic type only.
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
  memberships: ViewerMembership[];
  groups: ViewerGroup[];
};
