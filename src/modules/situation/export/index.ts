export { distributionChart, distributionChartSvg, LEVEL_ORDER } from './chart.ts';
import type { NationalPicture, RegionalPicture } from '../picture.ts';

// The Word writer (and the docx library, some megabytes) loads when the first report is asked for, not at start.
export const regionalPictureToDocx = async (p: RegionalPicture): Promise<Buffer> =>
  (await import('./docx.ts')).regionalPictureToDocx(p);
export const nationalPictureToDocx = async (p: NationalPicture): Promise<Buffer> =>
  (await import('./docx.ts')).nationalPictureToDocx(p);
export { ANSWER_COLUMNS, answerRows, type AnswerExportInput } from './tabular.ts';
