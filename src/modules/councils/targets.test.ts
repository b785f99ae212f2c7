import { describe, expect, it } from 'vitest';
import { financingEndsUncovered, interventionMayMove, nextInterventionStatuses } from './lifecycle.ts';
import { agendaTargetText, isAgendaTarget, isKoladaKpi, isReportPeriod, listFrom } from './targets.ts';

const active = { id: 'c', countyCode: '03', status: 'active' as const };

describe("an intervention's lifecycle", () => {
  it('moves planned → ongoing ⇄ paused → completed, and a completed one no more', () => {
    expect(interventionMayMove(active, 'planned', 'ongoing')).toBe(true);
    expect(interventionMayMove(active, 'ongoing', 'paused')).toBe(true);
    expect(interventionMayMove(active, 'paused', 'ongoing')).toBe(true);
    expect(interventionMayMove(active, 'paused', 'completed')).toBe(true);
    expect(interventionMayMove(active, 'ongoing', 'ongoing')).toBe(true);
    expect(interventionMayMove(active, 'ongoing', 'planned')).toBe(
      'En insats som har börjat kan inte bli planerad igen.',
    );
    expect(interventionMayMove(active, 'completed', 'ongoing')).toBe(
      'Insatsen är avslutad och kan inte byta status.',
    );
    expect(interventionMayMove({ ...active, status: 'dissolved' }, 'ongoing', 'ongoing')).toBe(
      'Rådet är upplöst.',
    );
    expect(nextInterventionStatuses('paused')).toEqual(['paused', 'ongoing', 'completed']);
  });

  it('warns of financing that ends within six months with nobody taking over (seed 001: September 2027)', () => {
    const line = { untilOn: '2027-09-30', takenOverByOrganisationId: null };
    expect(financingEndsUncovered(line, '2027-04-01')).toBe(true);
    expect(financingEndsUncovered(line, '2027-03-29')).toBe(false);
    expect(financingEndsUncovered(line, '2027-10-01')).toBe(false);
    expect(financingEndsUncovered({ ...line, takenOverByOrganisationId: 'region' }, '2027-04-01')).toBe(
      false,
    );
    expect(financingEndsUncovered({ ...line, untilOn: null }, '2027-04-01')).toBe(false);
  });
});

describe('the references priorities and interventions name', () => {
  it('knows Agenda 2030’s targets: 17 goals, each with its own numbered and lettered targets', () => {
    for (const t of ['1.1', '5.2', '10.2', '16.a', '16.10', '17.19', '3.d'])
      expect(isAgendaTarget(t)).toBe(true);
    for (const t of ['18.1', '10.9', '5.d', '17.a', '0.1', '10', '10.02', 'tio'])
      expect(isAgendaTarget(t)).toBe(false);
    expect(agendaTargetText('10.2')).toBe('10.2 Minskad ojämlikhet');
  });

  it('knows Kolada’s key figures and the periods of a report', () => {
    expect(isKoladaKpi('N00945')).toBe(true);
    expect(isKoladaKpi('U21468')).toBe(true);
    expect(isKoladaKpi('N0945')).toBe(false);
    expect(isKoladaKpi('X00945')).toBe(false);
    for (const p of ['2025', '2025-H1', '2025-H2', '2025-T3']) expect(isReportPeriod(p)).toBe(true);
    for (const p of ['25', '2025-H3', '2025-T4', '2025-Q1', '2025-h1']) expect(isReportPeriod(p)).toBe(false);
  });

  it('splits lists typed by lines or by commas', () => {
    expect(listFrom('10.2, 16.1;5.2\n10.2', 'items')).toEqual(['10.2', '16.1', '5.2']);
    expect(listFrom('Ett län fritt från våld\n\nGod hälsa, för alla', 'lines')).toEqual([
      'Ett län fritt från våld',
      'God hälsa, för alla',
    ]);
  });
});
