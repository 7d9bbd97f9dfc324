import { expect, test } from 'vitest';
test('env', () => { expect(document.createElement('p').tagName).toBe('P'); });
