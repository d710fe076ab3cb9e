/** What a student's file may import from the engine: the names its starting file imports, no more. */
import { describe, expect, it } from 'vitest';
import { engineValueImports, importsBeyond } from '../../grading/engine-imports.ts';

const STARTER = `import { RING_CAPACITY_OFFSET, RING_HEAD_OFFSET } from '#engine/spsc-ring-buffer';
import type { TradeTable } from '#engine/kernels';
import { loadSimd, type Kernels } from '#engine/kernels';
`;
const allowed = engineValueImports(STARTER);

describe('engine imports', () => {
  it('reads the value imports, leaving types out', () => {
    expect(Object.fromEntries([...allowed].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      '#engine/spsc-ring-buffer': ['RING_CAPACITY_OFFSET', 'RING_HEAD_OFFSET'],
      '#engine/kernels': ['loadSimd'],
    });
  });

  it('lets a student import what the starting file imports, under another local name too', () => {
    expect(importsBeyond(engineValueImports("import { RING_HEAD_OFFSET as H } from '#engine/spsc-ring-buffer';\nimport type { Kernels } from '#engine/kernels';"), allowed)).toEqual([]);
  });

  it('refuses the reference implementation beside the allowed constants, a whole-module import and another module', () => {
    const student = engineValueImports(
      "import { SpscRingBuffer, RING_HEAD_OFFSET } from '#engine/spsc-ring-buffer';\nimport * as k from '#engine/kernels';\nimport { OrderBook } from '#engine/order-book';",
    );
    const problems = importsBeyond(student, allowed);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/may import only RING_CAPACITY_OFFSET, RING_HEAD_OFFSET from "#engine\/spsc-ring-buffer" \(what the starting file imports\), not SpscRingBuffer/);
    expect(problems[1]).toMatch(/not the whole module/);
    expect(problems[2]).toMatch(/may import nothing from "#engine\/order-book"/);
  });
});
