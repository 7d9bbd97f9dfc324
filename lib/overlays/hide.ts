/**
 * Record-and-restore of inline style properties.
 *
 * Hiding and scroll-lock undoing only ever write `!important` inline
 * properties, after recording what was there, so "Show again" can put the
 * page back exactly: no elements removed, no attributes or class names added
 * (the page must never see anything that names Gloss).
 */

/** The element kinds that carry an inline style (HTML, SVG, MathML). */
type Styled = Element & ElementCSSInlineStyle;

interface PropRecord {
  /** Inline value and priority before our first write ('' when unset). */
  value: string;
  priority: string;
  /** The value we wrote. */
  applied: string;
}

interface ElementRecord {
  /** The whole `style` attribute before our first write (null: no attribute). */
  before: string | null;
  /** The `style` attribute right after our last write. */
  after: string | null;
  /** False once the page changed the attribute between our writes. */
  exact: boolean;
  props: Map<string, PropRecord>;
}

/** Narrow an element to one with an inline style declaration. */
export function styled(el: Element): Styled | null {
  const s = (el as Partial<ElementCSSInlineStyle>).style;
  return s && typeof s.setProperty === 'function' ? (el as Styled) : null;
}

/** Remembers every inline property we override so it can be put back. */
export class StyleLedger {
  private readonly records = new Map<Element, ElementRecord>();

  /** Set `prop: value !important` on el, recording the previous inline state first. */
  set(el: Element, prop: string, value: string): void {
    const s = styled(el);
    if (!s) return;
    const current = el.getAttribute('style');
    let rec = this.records.get(el);
    if (!rec) {
      rec = { before: current, after: current, exact: true, props: new Map() };
      this.records.set(el, rec);
    } else if (current !== rec.after) {
      rec.exact = false;
    }
    if (!rec.props.has(prop)) {
      rec.props.set(prop, { value: s.style.getPropertyValue(prop), priority: s.style.getPropertyPriority(prop), applied: value });
    }
    s.style.setProperty(prop, value, 'important');
    rec.after = el.getAttribute('style');
  }

  /** True while our value for prop is still in place on el. */
  isApplied(el: Element, prop: string): boolean {
    const p = this.records.get(el)?.props.get(prop);
    const s = styled(el);
    return !!p && !!s && s.style.getPropertyValue(prop) === p.applied && s.style.getPropertyPriority(prop) === 'important';
  }

  /** The style attribute as our last write on el left it (undefined: we never wrote on el). */
  lastWritten(el: Element): string | null | undefined {
    return this.records.get(el)?.after;
  }

  /** True when we ever wrote prop on el. */
  has(el: Element, prop: string): boolean {
    return this.records.get(el)?.props.has(prop) ?? false;
  }

  /**
   * Put everything back, newest first. When the page has not touched the
   * attribute since our last write, the original attribute string comes back
   * byte for byte (or is removed if there was none). Otherwise only our own
   * properties are reverted, and only where our value is still in place, so
   * later page changes survive.
   */
  restoreAll(): void {
    for (const [el, rec] of [...this.records].reverse()) {
      if (rec.exact && el.getAttribute('style') === rec.after) {
        if (rec.before === null) el.removeAttribute('style');
        else el.setAttribute('style', rec.before);
        continue;
      }
      const s = styled(el);
      if (!s) continue;
      for (const [prop, p] of rec.props) {
        if (!this.isApplied(el, prop)) continue;
        if (p.value === '') s.style.removeProperty(prop);
        else s.style.setProperty(prop, p.value, p.priority);
      }
    }
    this.records.clear();
  }
}
