import type { Measure, MeasureStatus } from '../forms/index.ts';
import type { ChosenQuote } from './tables.ts';

/** A risk level as answered: '1'..'5', 'unknown' (vet ej), or null (not answered / not submitted). */
export type Level = string | null;

export interface AreaRef {
  key: string;
  label: string;
}

export interface RiskRow {
  /** organisation id (regional) or county code (national) */
  id: string;
  name: string;
  /** kommunkod for municipalities, länskod for counties */
  code: string | null;
  levels: Record<string, Level>;
  /** the same respondent's levels at the previous occasion of the round */
  previousLevels: Record<string, Level>;
}

export interface AreaDistribution {
  /** level → number of respondents ('1'..'5', 'unknown', 'missing') */
  counts: Record<string, number>;
  /** mean of the numeric levels, null when none */
  mean: number | null;
  previousMean: number | null;
  /** respondents whose level rose / stayed / fell since the previous occasion */
  change: { increased: number; unchanged: number; decreased: number };
}

export interface MeasureRow extends Measure {
  area: string;
  organisationName: string;
}

export interface Completeness {
  expected: number;
  received: number;
  onTime: number;
  approved: number;
}

export interface PictureMeta {
  roundId: string;
  roundTitle: string;
  topic: string;
  occasionId: string;
  occasionLabel: string;
  deadlineAt: Date;
  previousOccasionLabel: string | null;
}

/** A county's compiled picture of one occasion: everything the page, the Word report and the map show. */
export interface RegionalPicture {
  meta: PictureMeta;
  county: { code: string; name: string; slug: string };
  status: 'draft' | 'submitted';
  submittedAt: Date | null;
  areas: AreaRef[];
  completeness: Completeness;
  rows: RiskRow[];
  distribution: Record<string, AreaDistribution>;
  measureCounts: Record<string, Record<MeasureStatus, number>>;
  measures: MeasureRow[];
  /** free-text answers the analyst may quote */
  quoteCandidates: ChosenQuote[];
  quotes: ChosenQuote[];
  summaries: Record<string, string>;
}

/** The national coordinator's picture of one occasion: counties as rows, municipalities for the map. */
export interface NationalPicture {
  meta: PictureMeta;
  areas: AreaRef[];
  /** per county: respondents expected/received and whether its regional picture is submitted */
  counties: Array<{
    code: string;
    name: string;
    slug: string;
    completeness: Completeness;
    regionalSubmitted: boolean;
  }>;
  /** county rows with each area's mean level rounded to a step (only submitted regional pictures) */
  rows: RiskRow[];
  /** every municipality's level per area (for the map), from submitted regional pictures */
  municipalityLevels: Record<string, Record<string, Level>>;
  /** the municipalities of submitted regional pictures, by name (Swedish order), for the table beside the map */
  municipalities: Array<{ code: string; name: string; countyName: string; levels: Record<string, Level> }>;
  /** when the coordinator closed the compilation (null: open) */
  closedAt: Date | null;
  distribution: Record<string, AreaDistribution>;
  measureCounts: Record<string, Record<MeasureStatus, number>>;
  regionalSummaries: Array<{ countyName: string; summaries: Record<string, string> }>;
  summaries: Record<string, string>;
}

/** A RegionalPicture as JSON keeps it: its dates as ISO strings. */
export type StoredRegionalPicture = Omit<RegionalPicture, 'meta' | 'submittedAt'> & {
  meta: Omit<PictureMeta, 'deadlineAt'> & { deadlineAt: string };
  submittedAt: string | null;
};
