/**
 * Site rules for the overlay guard, in the cosmetic-filter syntax of
 * uBlock Origin and Adblock Plus, so readers can paste what they know:
 *
 *     ! a comment (so is a line starting with `[`, like `[Adblock Plus 2.0]`)
 *     example.com##.paywall-modal          hide matching elements on example.com and its subdomains
 *     example.com,news.example.org##.wall  several sites
 *     ~shop.example.com,example.com##.x    example.com except shop.example.com
 *     ##.newsletter-popup                  every site (in the reader's per-site list: that site)
 *     example.com#@#.login-dialog          never hide matching elements there (an exception)
 *
 * The selector is plain CSS as the browser understands it (`:has()`,
 * attribute selectors, combinators). Rules are hints, not orders: a rule
 * never hides the article's text or a consent dialog, and its elements can be
 * shown again like any other. Procedural and scriptlet filters (`#?#`, `#$#`,
 * `##+js(...)`, `##^`, `:has-text()`, `:style()`, `:remove()`...) and network
 * filters are refused with an error naming the line: Gloss only hides
 * elements, it never runs or blocks anything.
 *
 * Pure: parsing takes the selector check as an argument (the content script
 * passes the browser's own parser).
 */

/** One parsed rule. */
export interface SiteRule {
  /** Sites it applies to ([] = every site). A site matches itself and its subdomains. */
  domains: string[];
  /** Sites excluded with `~`. */
  except: string[];
  selector: string;
  /** `##` hides; `#@#` keeps (never hidden by Gloss, rule or heuristic). */
  action: 'hide' | 'keep';
  /** 1-based line in its source text. */
  line: number;
}

/** A line that could not be used, with why. */
export interface RuleError {
  line: number;
  text: string;
  message: string;
}

export interface ParsedRules {
  rules: SiteRule[];
  errors: RuleError[];
}

/** Validates a CSS selector; returns an error message or null when fine. */
export type SelectorCheck = (selector: string) => string | null;

/** The browser's own selector parser (querySelector on an empty fragment throws on bad syntax). */
export function browserSelectorCheck(doc: Document): SelectorCheck {
  const frag = doc.createDocumentFragment();
  return (selector) => {
    try {
      frag.querySelector(selector);
      return null;
    } catch {
      return 'invalid CSS selector';
    }
  };
}

const PROCEDURAL = /:(?:has-text|-abp-[\w-]+|xpath|style|remove|remove-attr|remove-class|matches-css(?:-before|-after)?|matches-path|matches-media|matches-attr|matches-prop|min-text-length|upward|watch-attr|others|if|if-not|contains|nth-ancestor|properties)\(/i;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?|\*)$/;

/** Parse rule text (one rule per line); bad lines become errors, good ones rules. */
export function parseRules(text: string, check: SelectorCheck): ParsedRules {
  const out: ParsedRules = { rules: [], errors: [] };
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (!t || t.startsWith('!') || t.startsWith('[')) return;
    const fail = (message: string): void => {
      out.errors.push({ line, text: t, message });
    };
    const m = /^([^#]*)(#@#|##|#\?#|#@\?#|#\$#|#@\$#|#%#)(.*)$/.exec(t);
    if (!m) return fail('not an element-hiding rule: expected `site##selector` or `site#@#selector`');
    const [, domainPart = '', sep = '', rest = ''] = m;
    if (sep !== '##' && sep !== '#@#') return fail(`\`${sep}\` rules (procedural or scriptlet filters) are not supported; use \`##\` or \`#@#\``);
    const selector = rest.trim();
    if (!selector) return fail('missing selector after the separator');
    if (selector.startsWith('+js(') || selector.startsWith('^')) return fail('scriptlet and HTML filters are not supported: Gloss only hides elements');
    if (PROCEDURAL.test(selector)) return fail('procedural pseudo-classes (like :has-text() or :remove()) are not supported; use plain CSS');
    const domains: string[] = [];
    const except: string[] = [];
    for (const d of domainPart.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
      const name = d.startsWith('~') ? d.slice(1) : d;
      if (!DOMAIN.test(name)) return fail(`bad site name "${d}"`);
      (d.startsWith('~') ? except : domains).push(name);
    }
    const problem = check(selector);
    if (problem) return fail(`${problem}: ${selector}`);
    out.rules.push({ domains, except, selector, action: sep === '##' ? 'hide' : 'keep', line });
  });
  return out;
}

/** host is site or one of its subdomains; `name.*` matches any suffix after `name.`. */
function onSite(host: string, site: string): boolean {
  if (site.endsWith('.*')) {
    const stem = site.slice(0, -1);
    return host.startsWith(stem) || host.includes(`.${stem}`);
  }
  return host === site || host.endsWith(`.${site}`);
}

/** The rules that apply on host (lower-case hostname, no port). */
export function rulesForHost(rules: readonly SiteRule[], host: string): SiteRule[] {
  const h = host.toLowerCase().replace(/\.$/, '');
  return rules.filter((r) => {
    if (r.except.some((d) => onSite(h, d))) return false;
    return r.domains.length === 0 || r.domains.some((d) => onSite(h, d));
  });
}

/** The selectors of one action joined into one selector list ('' when none). */
export function selectorList(rules: readonly SiteRule[], action: SiteRule['action']): string {
  return rules.filter((r) => r.action === action).map((r) => r.selector).join(', ');
}
