export const roles = [
  'system_admin',
  'national_coordinator',
  'county_admin',
  'county_editor',
  'reporter',
  'council_member',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { sv: string; en: string }> = {
  system_admin: { sv: 'Systemadministratör', en: 'System administrator' },
  national_coordinator: { sv: 'Nationell samordnare', en: 'National coordinator' },
  county_admin: { sv: 'Länsadministratör', en: 'County administrator' },
  county_editor: { sv: 'Länsredaktör', en: 'County editor' },
  reporter: { sv: 'Rapportör', en: 'Reporter' },
  council_member: { sv: 'Rådsmedlem', en: 'Council member' },
};

/** Roles that a county admin may hand out by invitation (never system-wide ones). */
export const countyInvitableRoles = ['county_admin', 'county_editor', 'reporter', 'council_member'] as const;
