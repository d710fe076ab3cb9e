/**
 * The labs' schemas: `<Lab name>`'s props fail naming the lesson file and the prop (as
 * every component's do), and content/labs/reference.json is checked against its schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labPropsSchema } from '../../../content/schemas/lab.ts';
import { labReferenceSchema } from '../../../content/schemas/lab-reference.ts';
import { LAB_CATALOG } from '../../../engine/labs/catalog.ts';
import { checkProps } from '../../../site/lib/props.ts';

const lesson = new URL('http://localhost/hardware/false-sharing/');
const REFERENCE = new URL('../../../content/labs/reference.json', import.meta.url);

describe('lab schemas', () => {
  it('<Lab> names the lesson file and the prop of a bad name, and lists the labs', () => {
    expect(() => checkProps('Lab', labPropsSchema, { name: 'flase-sharing' }, lesson), 'a misspelt lab').toThrow(
      '<Lab> in content/lessons/hardware/false-sharing.mdx: name: not a lab: the labs are false-sharing, simd, iterator-chain, allocation, order-book',
    );
    expect(() => checkProps('Lab', labPropsSchema, {}, lesson), 'no name').toThrow(/^<Lab> in content\/lessons\/hardware\/false-sharing\.mdx: name: not a lab/);
    expect(() => checkProps('Lab', labPropsSchema, { name: 'simd', quick: true }, lesson), 'an unknown prop').toThrow('quick: not a prop of <Lab> (misspelt?)');
    expect(checkProps('Lab', labPropsSchema, { name: 'simd' }, lesson), 'a good name').toEqual({ name: 'simd' });
  });

  it('each lab is embedded in the lesson the catalog names', () => {
    for (const info of Object.values(LAB_CATALOG)) {
      const file = new URL(`../../../content/lessons/${info.lesson}.mdx`, import.meta.url);
      expect(existsSync(file) && readFileSync(file, 'utf8').includes(`<Lab name="${info.name}" />`), `${info.name} in ${info.lesson}`).toBe(true);
    }
  });

  it('the checked-in reference figures are valid, one entry per lab, from a full run', () => {
    if (!existsSync(REFERENCE)) return; // written by `ticklab lab --record`; the site says when there is none
    const parsed = labReferenceSchema.safeParse(JSON.parse(readFileSync(REFERENCE, 'utf8')));
    expect(parsed.success ? [] : parsed.error.issues, 'schema issues').toEqual([]);
    for (const [name, result] of Object.entries(parsed.data?.labs ?? {})) expect(result?.quick, `${name}: not a quick run`).toBe(false);
  });
});
