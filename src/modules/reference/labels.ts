import type { OrganisationType } from './tables.ts';

/** The one Swedish name of each kind of organisation (forms, lists and figures alike). */
export const organisationTypeLabels: Readonly<Record<OrganisationType, string>> = {
  county_board: 'Länsstyrelse',
  municipality: 'Kommun',
  region: 'Region',
  government_agency: 'Statlig myndighet',
  university: 'Lärosäte',
  business: 'Näringsliv',
  civil_society: 'Civilsamhälle',
  other: 'Övrig',
};
