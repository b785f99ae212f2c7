import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { Choices, emptyForm, scopedErrors, Select, Table, TextArea, TextInput } from './components.tsx';

const html = async (el: JSX.Element) => parse(await el);

describe('ui components', () => {
  it('Table marks the cell that names its row as the row header', async () => {
    const rows = [
      { name: 'Uppsala', n: 8 },
      { name: 'Gävleborg', n: 10 },
    ];
    const columns = [
      { header: 'Län', cell: (r: (typeof rows)[number]) => <span safe>{r.name}</span> },
      {
        header: 'Kommuner',
        numeric: true,
        cell: (r: (typeof rows)[number]) => <span safe>{String(r.n)}</span>,
      },
    ];
    const doc = await html(<Table caption="Län" rows={rows} columns={columns} />);
    expect(doc.querySelectorAll('tbody th[scope="row"]').map((th) => th.text)).toEqual([
      'Uppsala',
      'Gävleborg',
    ]);
    expect(doc.querySelectorAll('tbody td').map((td) => td.text)).toEqual(['8', '10']);

    const second = await html(<Table caption="Län" rows={rows} columns={columns} rowHeader={1} />);
    expect(second.querySelectorAll('tbody th[scope="row"]').map((th) => th.text)).toEqual(['8', '10']);
    const none = await html(<Table caption="Logg" rows={rows} columns={columns} rowHeader={false} />);
    expect(none.querySelectorAll('tbody th')).toHaveLength(0);
  });

  it('fields of one form among many get their own ids, and the summary links to them', async () => {
    const form = { values: { label: 'Fråga' }, errors: { label: 'Skriv frågan' } };
    const doc = await html(
      <>
        <TextInput idPrefix="add-a" name="label" label="Fråga" form={form} hint="Kort" />
        <TextArea idPrefix="add-b" name="label" label="Fråga" form={emptyForm()} />
        <Select idPrefix="add-c" name="role" label="Roll" form={emptyForm()} options={[]} />
      </>,
    );
    const input = doc.querySelector('#add-a-label')!;
    expect(input.getAttribute('name')).toBe('label');
    expect(input.getAttribute('value')).toBe('Fråga');
    expect(input.getAttribute('aria-describedby')).toBe('add-a-label-hint add-a-label-error');
    expect(doc.querySelector('label[for="add-a-label"]')).not.toBeNull();
    expect(doc.querySelector('#add-a-label-error')?.text).toContain('Skriv frågan');
    expect(doc.querySelector('#add-b-label')?.tagName).toBe('TEXTAREA');
    expect(doc.querySelector('#add-c-role')?.getAttribute('name')).toBe('role');
    expect(scopedErrors({ label: 'Skriv frågan', _form: 'Fel' }, 'add-a')).toEqual({
      'add-a-label': 'Skriv frågan',
      _form: 'Fel',
    });
  });

  it('Choices: radios or checkboxes in a fieldset, the posted answers kept, the group named by its id', async () => {
    const options = [
      { value: 'a', label: 'Alfa' },
      { value: 'b', label: 'Beta' },
      { value: 'c', label: 'Gamma' },
    ];
    const doc = await html(
      <>
        <Choices name="one" label="Ett svar" form={emptyForm({ one: 'b' })} options={options} />
        <Choices
          name="many"
          label="Flera svar"
          form={{ values: { many: 'a,c' }, errors: { many: 'Välj' } }}
          options={options}
          multiple
          disabled
          attrs={{ 'data-show-if': 'q_x' }}
        />
      </>,
    );
    expect(doc.querySelectorAll('#one input[type="radio"]').map((i) => i.getAttribute('id'))).toEqual([
      'one-0',
      'one-1',
      'one-2',
    ]);
    expect(doc.querySelector('#one input[checked]')?.getAttribute('value')).toBe('b');
    const many = doc.querySelector('#many')!;
    expect(many.getAttribute('data-show-if')).toBe('q_x');
    expect(many.querySelector('legend')?.text).toBe('Flera svar');
    expect(many.querySelectorAll('input[checked]').map((i) => i.getAttribute('value'))).toEqual(['a', 'c']);
    expect(many.querySelectorAll('input[disabled]')).toHaveLength(3);
    expect(many.querySelector('fieldset')?.getAttribute('aria-describedby')).toBe('many-error');
  });
});
