export { distributionChart, distributionChartSvg, LEVEL_ORDER } from './chart.ts';
export { nationalPictureToDocx, regionalPictureToDocx } from './docx.ts';
export { ANSWER_COLUMNS, answerRows, type AnswerExportInput } from './tabular.ts';
