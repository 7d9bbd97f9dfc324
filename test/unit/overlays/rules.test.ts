import { describe, expect, test } from 'vitest';
import { BUILTIN_RULES } from '../../../lib/overlays/builtin-rules';
import { siteRulesFor } from '../../../lib/overlays';
import { browserSelectorCheck, parseRules, rulesForHost, selectorList, type SelectorCheck } from '../../../lib/overlays/rules';

/** A strict stand-in for the browser's parser: brackets and quotes must balance, no empty compounds. */
const check: SelectorCheck = (s) => {
  let depth = 0;
  for (const ch of s) {
    if (ch === '[' || ch === '(') depth++;
    if (ch === ']' || ch === ')') depth--;
    if (depth < 0) return 'invalid CSS selector';
  }
  return depth === 0 && !/(^|,)\s*(,|$)/.test(s) && !/[>+~]\s*$/.test(s) ? null : 'invalid CSS selector';
};

describe('parseRules', () => {
  test('hide and keep rules, with sites, exclusions and comments', () => {
    const { rules, errors } = parseRules([
      '! Gloss rules',
      '[Adblock Plus 2.0]',
      '',
      'example.com##.paywall-modal',
      'example.com, news.example.org ##div[data-gate="1"] > .box',
      '~shop.example.com,example.com##.promo',
      '##.newsletter-popup',
      'example.com#@#.login-dialog',
      '  elpais.com###gateway  ',
    ].join('\n'), check);
    expect(errors).toEqual([]);
    expect(rules).toEqual([
      { domains: ['example.com'], except: [], selector: '.paywall-modal', action: 'hide', line: 4 },
      { domains: ['example.com', 'news.example.org'], except: [], selector: 'div[data-gate="1"] > .box', action: 'hide', line: 5 },
      { domains: ['example.com'], except: ['shop.example.com'], selector: '.promo', action: 'hide', line: 6 },
      { domains: [], except: [], selector: '.newsletter-popup', action: 'hide', line: 7 },
      { domains: ['example.com'], except: [], selector: '.login-dialog', action: 'keep', line: 8 },
      { domains: ['elpais.com'], except: [], selector: '#gateway', action: 'hide', line: 9 },
    ]);
  });

  test.each([
    ['example.com##div[', /invalid CSS selector/],
    ['example.com##', /missing selector/],
    ['||ads.example.com^', /not an element-hiding rule/],
    ['example.com/path', /not an element-hiding rule/],
    ['example.com#?#.x:-abp-has(.y)', /not supported/],
    ['example.com#$#body { overflow: auto }', /not supported/],
    ['example.com##+js(set-constant, a, 1)', /scriptlet/],
    ['example.com##^script:has-text(x)', /scriptlet and HTML/],
    ['example.com##.wall:has-text(Subscribe)', /procedural/],
    ['example.com##.wall:remove()', /procedural/],
    ['exa mple.com##.wall', /bad site name/],
    ['-bad-.com##.wall', /bad site name/],
  ])('%s is refused with an error naming its line', (line, message) => {
    const { rules, errors } = parseRules(`! first\n${line}\nexample.com##.ok`, check);
    expect(rules.map((r) => r.selector)).toEqual(['.ok']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(2);
    expect(errors[0]?.text).toBe(line);
    expect(errors[0]?.message).toMatch(message);
  });

  test('CRLF and CR line ends count lines like LF', () => {
    const { errors } = parseRules('a.com##.x\r\nb.com##[\rc.com##.y', check);
    expect(errors.map((e) => e.line)).toEqual([2]);
  });

  test('the browser selector check accepts :has() and rejects garbage', () => {
    const c = browserSelectorCheck(document);
    expect(c('div:has(> .wall)')).toBeNull();
    expect(c('div[')).toMatch(/invalid/);
  });

  test('the built-in list parses cleanly and names a site on every rule', () => {
    const { rules, errors } = parseRules(BUILTIN_RULES, browserSelectorCheck(document));
    expect(errors).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r.domains.length).toBeGreaterThan(0);
  });
});

describe('siteRulesFor', () => {
  test('built-in rules plus the reader\'s; only the reader\'s lines report errors, with their own line numbers', () => {
    const { rules, errors } = siteRulesFor('##.my-popup\nbad line', document);
    expect(rules.some((r) => r.selector === '.my-popup' && r.domains.length === 0)).toBe(true);
    expect(rules.length).toBe(parseRules(BUILTIN_RULES, browserSelectorCheck(document)).rules.length + 1);
    expect(errors.map((e) => e.line)).toEqual([2]);
  });
});

describe('rulesForHost', () => {
  const { rules } = parseRules([
    'example.com##.a',
    '~shop.example.com,example.com##.b',
    '##.c',
    'other.org##.d',
    'google.*##.e',
    'example.com#@#.f',
  ].join('\n'), check);

  test('a site covers its subdomains; ~ excludes; no site means every site', () => {
    expect(rulesForHost(rules, 'example.com').map((r) => r.selector)).toEqual(['.a', '.b', '.c', '.f']);
    expect(rulesForHost(rules, 'www.example.com').map((r) => r.selector)).toEqual(['.a', '.b', '.c', '.f']);
    expect(rulesForHost(rules, 'shop.example.com').map((r) => r.selector)).toEqual(['.a', '.c', '.f']);
    expect(rulesForHost(rules, 'notexample.com').map((r) => r.selector)).toEqual(['.c']);
    expect(rulesForHost(rules, 'OTHER.org.').map((r) => r.selector)).toEqual(['.c', '.d']);
    expect(rulesForHost(rules, 'www.google.de').map((r) => r.selector)).toEqual(['.c', '.e']);
  });

  test('selectorList joins one action', () => {
    const here = rulesForHost(rules, 'example.com');
    expect(selectorList(here, 'hide')).toBe('.a, .b, .c');
    expect(selectorList(here, 'keep')).toBe('.f');
    expect(selectorList([], 'hide')).toBe('');
  });
});
