/**
 * Turning a batch of mutation records into work: which subtrees to examine,
 * which hidden elements the page touched, whether the scroll lock may have
 * changed. Work stays proportional to the mutations, not to the page.
 */
import { parentOf } from './geometry';

/** What one batch of mutations asks the guard to do. */
export interface BatchWork {
  /** Added subtrees, and elements whose style/class/hidden/open changed. */
  roots: Set<Element>;
  /** Elements we hid whose inline style the page changed (maybe re-shown). */
  touchedHidden: Set<Element>;
  /** html/body attributes or stylesheets changed: re-read the scroll lock. */
  lockCheck: boolean;
  /** html/body class changed: page-wide state ("paywall-open") may reveal a layer anywhere. */
  rootClassChanged: boolean;
  /**
   * Elements whose content changed (children added, text edited): a layer around them may now
   * read differently (a modal shell filled in after it was first seen).
   */
  changed: Set<Element>;
}

/** Sort mutation records into work. `isHidden(el)` tells our hidden elements. */
export function collectBatch(records: readonly MutationRecord[], doc: Document, isHidden: (el: Element) => boolean): BatchWork {
  const work: BatchWork = { roots: new Set(), touchedHidden: new Set(), lockCheck: false, rootClassChanged: false, changed: new Set() };
  const html = doc.documentElement;
  const body = doc.body;
  for (const r of records) {
    if (r.type === 'characterData') {
      const parent = r.target.parentElement;
      if (parent) work.changed.add(parent);
      continue;
    }
    if (r.type === 'childList') {
      if (r.addedNodes.length && r.target.nodeType === 1) work.changed.add(r.target as Element);
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        const el = n as Element;
        work.roots.add(el);
        // A late stylesheet can lock scrolling with `body.modal-open { overflow: hidden }`.
        if (el.tagName === 'STYLE' || el.tagName === 'LINK') work.lockCheck = true;
      }
      continue;
    }
    const t = r.target as Element;
    if (t === html || t === body) {
      work.lockCheck = true;
      if (r.attributeName === 'class') work.rootClassChanged = true;
    } else if (isHidden(t)) {
      work.touchedHidden.add(t);
    } else {
      work.roots.add(t);
    }
  }
  return work;
}

/**
 * Keep only connected roots that are not inside another root or inside
 * something to skip (a hidden overlay's own countdown ticking, say).
 */
export function topRoots(roots: Set<Element>, skip: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const r of roots) {
    if (!r.isConnected) continue;
    let inside = false;
    for (let p = parentOf(r); p && !inside; p = parentOf(p)) inside = roots.has(p) || skip(p);
    if (!inside) out.push(r);
  }
  return out;
}
