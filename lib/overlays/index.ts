/**
 * Overlay guard: hides subscription overlays layered over text the page
 * already delivered (subscribe walls, shared-account notices, newsletter and
 * registration modals, metering banners) and undoes the scroll locks that came
 * with them. It never fetches, unlocks, un-truncates, un-blurs or un-fades
 * text, never touches cookies/storage/scripts/requests, and never hides
 * cookie/consent dialogs. Everything it hides can be shown again exactly.
 *
 * Modules: words (word lists), geometry (layout facts), exclusions (never
 * hide), candidates (scan), pairing (backdrop + box), hide (style ledger),
 * scroll-lock, reader (reader actions), budget (anti-loop caps), guard (wiring).
 */
export type { HiddenOverlay, OverlayGuard, OverlayGuardOptions } from './types';
export { startOverlayGuard } from './guard';
