import { describe, expect, it } from 'vitest';
import {
  bodyMayReportTo,
  bodyTree,
  councilMayDissolve,
  councilMayEdit,
  councilsMayMerge,
  type BodyNode,
  type CouncilState,
} from './lifecycle.ts';

const council = (id: string, status: CouncilState['status'] = 'active', countyCode = '19'): CouncilState => ({
  id,
  countyCode,
  status,
});

describe('council lifecycle', () => {
  it('an active council may be edited and dissolved; a merged or dissolved one keeps its history unchanged', () => {
    expect(councilMayEdit(council('a'))).toBe(true);
    expect(councilMayDissolve(council('a'))).toBe(true);
    expect(councilMayEdit(council('a', 'merged'))).toBe('Rådet har gått upp i ett annat råd.');
    expect(councilMayDissolve(council('a', 'dissolved'))).toBe('Rådet är upplöst.');
  });

  it('two or more active councils of one county may merge, and nothing else', () => {
    // Seed 003: Västmanland's integration council and gender-equality council became one.
    expect(councilsMayMerge([council('integration'), council('jamstalldhet')])).toBe(true);
    expect(councilsMayMerge([council('a'), council('b'), council('c')])).toBe(true);
    expect(councilsMayMerge([council('a')])).toBe('Välj minst två råd att slå samman.');
    expect(councilsMayMerge([council('a'), council('a')])).toBe('Samma råd är valt två gånger.');
    expect(councilsMayMerge([council('a'), council('b', 'active', '03')])).toBe(
      'Bara råd i samma län kan slås samman.',
    );
    expect(councilsMayMerge([council('a'), council('b', 'dissolved')])).toBe('Rådet är upplöst.');
  });
});

describe('bodies under a council', () => {
  // Seed 001: the council, its secretariat group and coordination group, and a working group under the latter.
  const bodies: BodyNode[] = [
    { id: 'rad', councilId: 'c', kind: 'council', reportsToId: null },
    { id: 'kansli', councilId: 'c', kind: 'secretariat', reportsToId: 'rad' },
    { id: 'samordning', councilId: 'c', kind: 'coordination', reportsToId: 'kansli' },
    { id: 'arbetsgrupp', councilId: 'c', kind: 'working_group', reportsToId: 'samordning' },
    { id: 'annat', councilId: 'other', kind: 'council', reportsToId: null },
  ];

  it('a body reports to another body of its council, never to itself or below itself', () => {
    expect(bodyMayReportTo(bodies[3]!, 'rad', bodies)).toBe(true);
    expect(bodyMayReportTo({ id: 'ny', councilId: 'c', kind: 'network' }, 'arbetsgrupp', bodies)).toBe(true);
    expect(bodyMayReportTo(bodies[1]!, 'kansli', bodies)).toMatch(/till sig själv/);
    expect(bodyMayReportTo(bodies[1]!, 'arbetsgrupp', bodies)).toMatch(/rapporterar till den/);
    expect(bodyMayReportTo(bodies[1]!, 'annat', bodies)).toBe('Gruppen hör till ett annat råd.');
    expect(bodyMayReportTo(bodies[1]!, 'saknas', bodies)).toBe('Gruppen hör till ett annat råd.');
    expect(bodyMayReportTo(bodies[1]!, null, bodies)).toBe('Ange vilken grupp gruppen rapporterar till.');
  });

  it('the council itself reports to no one', () => {
    expect(bodyMayReportTo(bodies[0]!, null, bodies)).toBe(true);
    expect(bodyMayReportTo(bodies[0]!, 'kansli', bodies)).toBe(
      'Rådet självt rapporterar inte till någon annan grupp i rådet.',
    );
  });

  it('shows the bodies as a tree from the council down', () => {
    const tree = bodyTree(bodies.filter((b) => b.councilId === 'c'));
    expect(tree.map((b) => b.id)).toEqual(['rad']);
    const path: string[] = [];
    for (let at: { id: string; children: unknown[] } | undefined = tree[0]; at;) {
      path.push(at.id);
      at = at.children[0] as typeof at;
    }
    expect(path).toEqual(['rad', 'kansli', 'samordning', 'arbetsgrupp']);
  });
});
