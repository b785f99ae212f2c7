import {
  boldParagraph,
  dataTable,
  heading,
  paragraph,
  renderDocument,
  spacer,
  textBlock,
  title,
  type FileChild,
} from '../../../platform/exports/docx.ts';
import { figureText, spanText, type FollowUpReport, type InterventionFollowUp } from '../follow-up.ts';

/** The report's title, in the page and the file alike. */
export const followUpTitle = (r: Pick<FollowUpReport, 'year'>): string => `Uppföljning ${r.year}`;

/**
 * The yearly follow-up report as a Word file: the council and year, a summary, the year plan, then per
 * priority its intervention areas and interventions (owner, status, period, financing, milestones, progress
 * reports with their figures) and the members' handling of it. Headings in Word's styles, so the file's
 * navigation and a screen reader find their way; every table with a header row.
 */
export async function followUpToDocx(r: FollowUpReport): Promise<Buffer> {
  const children: FileChild[] = [
    title(`${followUpTitle(r)}: ${r.council.name}`),
    paragraph(r.council.county),
    paragraph(`Sammanställd ${r.madeOn}`),
    heading('Sammanfattning', 1),
    dataTable(
      ['Under året', 'Antal'],
      [
        ['Samverkansområden', String(r.priorities.length)],
        ['Insatser', String(r.totals.interventions)],
        ['Lägesrapporter', String(r.totals.reports)],
        ['Delmål med slutdatum under året', String(r.totals.milestonesDue)],
        ['Delmål klara under året', String(r.totals.milestonesDone)],
      ],
      { numeric: [1], weights: [3, 1] },
    ),
    heading('Årshjulet', 1),
    ...(r.steps.length > 0
      ? [
          dataTable(
            ['Steg', 'Rubrik', 'Period', 'Status', 'Bärs av'],
            r.steps.map((s) => [
              s.kindLabel,
              s.title,
              spanText(s.startsOn, s.endsOn, 'Inga datum'),
              s.statusLabel,
              [s.round?.title, s.event?.title].filter(Boolean).join('; '),
            ]),
            { weights: [2, 3, 3, 1, 3] },
          ),
        ]
      : [paragraph(`Det finns ingen plan för ${r.year}.`)]),
  ];
  if (r.priorities.length === 0)
    children.push(paragraph(`Rådet hade inga beslutade samverkansområden ${r.year}.`));
  for (const p of r.priorities) {
    children.push(heading(p.name, 1), paragraph(p.validity));
    if (p.description) children.push(...textBlock(p.description, ''));
    for (const a of p.areas) {
      children.push(heading(a.name, 2));
      if (a.purpose) children.push(paragraph(`Syfte: ${a.purpose}`));
      if (a.targetGroup) children.push(paragraph(`Målgrupp: ${a.targetGroup}`));
      if (a.interventions.length === 0) children.push(paragraph('Inga insatser under året.'));
      for (const i of a.interventions) children.push(...interventionPart(i));
    }
    children.push(heading(`Medlemmarnas hantering av ${p.name}`, 2));
    children.push(
      p.handling.length > 0
        ? dataTable(
            ['Organisation', 'Hantering', 'Kommentar'],
            p.handling.map((h) => [h.organisation, h.stateText, h.comment]),
            { weights: [3, 2, 4] },
          )
        : paragraph('Rådet hade inga medlemmar under året.'),
    );
  }
  return renderDocument({ title: `${followUpTitle(r)}: ${r.council.name}`, children });
}

function interventionPart(i: InterventionFollowUp): FileChild[] {
  const out: FileChild[] = [
    heading(i.name, 3),
    paragraph(`Ägare: ${i.owner}`),
    ...(i.participants.length ? [paragraph(`Medverkande: ${i.participants.join(', ')}`)] : []),
    paragraph(`Status: ${i.statusText}`),
    paragraph(`Period: ${i.period}`),
  ];
  if (i.description) out.push(...textBlock(i.description, ''));
  if (i.financing.length > 0) {
    out.push(
      boldParagraph('Finansiering'),
      dataTable(
        ['Finansiär', 'Belopp', 'Period', 'Tas över av'],
        i.financing.map((f) => [
          f.description ? `${f.funder} (${f.description})` : f.funder,
          f.amount,
          f.span,
          f.takenOverBy,
        ]),
        { numeric: [1], weights: [3, 2, 3, 2] },
      ),
      spacer(),
    );
  }
  if (i.milestones.length > 0) {
    out.push(
      boldParagraph('Delmål'),
      dataTable(
        ['Delmål', 'Slutdatum', 'Läge'],
        i.milestones.map((m) => [m.title, m.due, m.done]),
        { weights: [4, 2, 2] },
      ),
      spacer(),
    );
  }
  if (i.reports.length === 0) out.push(paragraph('Ingen lägesrapport för året.'));
  for (const rep of i.reports) {
    out.push(boldParagraph(`Lägesrapport ${rep.period} (${rep.statusText.toLowerCase()})`));
    out.push(...textBlock(rep.text, 'Ingen text.'));
    if (rep.figures.length > 0)
      out.push(
        dataTable(
          ['Mått', 'Värde'],
          rep.figures.map((f) => [f.label, figureText(f)]),
          { numeric: [1], weights: [3, 2] },
        ),
        spacer(),
      );
  }
  return out;
}
