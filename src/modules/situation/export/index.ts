export { distributionChartSvg, levelText, LEVEL_ORDER } from './chart.ts';
export { nationalPictureToDocx, regionalPictureToDocx } from './docx.ts';
export { ANSWER_COLUMNS, answerRows, rowsToCsv, rowsToXlsx, type AnswerExportInput } from './tabular.ts';
