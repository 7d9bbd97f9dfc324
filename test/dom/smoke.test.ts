import { expect, test } from 'vitest';
test('layout', () => { const p = document.createElement('p'); p.textContent='hello'; document.body.append(p); expect(p.getBoundingClientRect().height).toBeGreaterThan(0); });
