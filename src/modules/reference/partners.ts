import type { OrganisationType } from './tables.ts';

/**
 * National partner organisations named in the seeds (the Uppsala and Västmanland councils' members).
 * Organisation numbers are given only where known; every one present passes the Luhn check (tested).
 */
export interface PartnerRecord {
  name: string;
  type: OrganisationType;
  orgNumber?: string;
  /** null: national; a county code for organisations of one county */
  countyCode: string | null;
}

export const PARTNERS: readonly PartnerRecord[] = [
  { name: 'Polismyndigheten', type: 'government_agency', orgNumber: '202100-0076', countyCode: null },
  { name: 'Åklagarmyndigheten', type: 'government_agency', countyCode: null },
  { name: 'Kriminalvården', type: 'government_agency', orgNumber: '202100-0225', countyCode: null },
  { name: 'Migrationsverket', type: 'government_agency', orgNumber: '202100-2163', countyCode: null },
  { name: 'Försäkringskassan', type: 'government_agency', orgNumber: '202100-5521', countyCode: null },
  { name: 'Arbetsförmedlingen', type: 'government_agency', orgNumber: '202100-2114', countyCode: null },
  { name: 'Socialstyrelsen', type: 'government_agency', countyCode: null },
  { name: 'Sveriges Kommuner och Regioner', type: 'other', countyCode: null },
  { name: 'Uppsala universitet', type: 'university', countyCode: '03' },
  { name: 'Sveriges lantbruksuniversitet', type: 'university', countyCode: '03' },
  { name: 'Nationellt centrum för kvinnofrid', type: 'university', countyCode: '03' },
  { name: 'Mälardalens universitet', type: 'university', countyCode: '19' },
  { name: 'Västmanlands Handelskammare (exempel näringsliv)', type: 'business', countyCode: '19' },
  { name: 'Civilsamhällets samverkansforum Västmanland (exempel)', type: 'civil_society', countyCode: '19' },
];

/** The county boards' own organisation numbers where known (Uppsala's is on its page, seed 001). */
export const COUNTY_BOARD_ORG_NUMBERS: Readonly<Record<string, string>> = {
  '03': '202100-2254',
};
