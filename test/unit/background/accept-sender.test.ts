/**
 * Who may send what to the background. Content scripts run inside untrusted pages, so only the
 * extension's own pages may use `panel:*` (which reads and changes notes), and `content:*` must
 * come from a tab that is not one of our pages.
 */
import { describe, expect, it } from 'vitest';
import { acceptSender } from '../../../lib/background/handlers';
import type { MessageType, SenderInfo } from '../../../lib/messaging';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe.each([
  ['Chrome', `chrome-extension://${ID}/`],
  ['Firefox', `moz-extension://${ID}/`],
])('acceptSender in %s', (_, origin) => {
  const accept = acceptSender(ID, origin);
  const panelPage: SenderInfo = { id: ID, url: `${origin}sidepanel.html` };
  const contentScript: SenderInfo = { id: ID, url: 'https://news.example/story', tab: { id: 12, windowId: 1 } };

  const PANEL_TYPES: MessageType[] = ['panel:getTabState', 'panel:showOverlaysAgain', 'panel:listNotes', 'panel:saveNote', 'panel:importNotes'];
  const CONTENT_TYPES: MessageType[] = ['content:matchTexts', 'content:stateChanged'];
  const BG_TYPES: MessageType[] = ['bg:getState', 'bg:showOverlaysAgain', 'bg:notesChanged', 'bg:tabStateChanged'];

  describe('panel:* messages', () => {
    it.each(PANEL_TYPES)('accepts %s from our side panel page', (type) => {
      expect(accept(type, panelPage)).toBe(true);
    });

    it('accepts them from our page opened in a tab (still our page)', () => {
      expect(accept('panel:listNotes', { id: ID, url: `${origin}sidepanel.html`, tab: { id: 3 } })).toBe(true);
    });

    it.each(PANEL_TYPES)('refuses %s from a content script in a web page', (type) => {
      expect(accept(type, contentScript)).toBe(false);
    });

    it('refuses them from a page whose URL merely contains our origin', () => {
      expect(accept('panel:listNotes', { id: ID, url: `https://evil.example/${origin}sidepanel.html`, tab: { id: 2 } })).toBe(false);
    });

    it('refuses them from a sender without a URL', () => {
      expect(accept('panel:listNotes', { id: ID })).toBe(false);
    });

    it('refuses them from another extension, even from its own pages', () => {
      const otherOrigin = origin.replace(ID, 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz');
      expect(accept('panel:listNotes', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${otherOrigin}popup.html` })).toBe(false);
    });

    it('refuses them from a sender claiming our URL but another id', () => {
      expect(accept('panel:saveNote', { id: 'other', url: `${origin}sidepanel.html` })).toBe(false);
    });

    it('refuses them from a sender with no id', () => {
      expect(accept('panel:saveNote', { url: `${origin}sidepanel.html` })).toBe(false);
    });
  });

  describe('content:* messages', () => {
    it.each(CONTENT_TYPES)('accepts %s from our content script in a web page tab', (type) => {
      expect(accept(type, contentScript)).toBe(true);
    });

    it('accepts them from a tab whose frame URL is unknown', () => {
      expect(accept('content:matchTexts', { id: ID, tab: { id: 5 } })).toBe(true);
    });

    it.each(CONTENT_TYPES)('refuses %s from our own extension page', (type) => {
      expect(accept(type, panelPage)).toBe(false);
    });

    it('refuses them from our extension page opened in a tab', () => {
      expect(accept('content:stateChanged', { id: ID, url: `${origin}sidepanel.html`, tab: { id: 3 } })).toBe(false);
    });

    it('refuses them without a tab, or with a tab that has no id', () => {
      expect(accept('content:matchTexts', { id: ID, url: 'https://news.example/' })).toBe(false);
      expect(accept('content:matchTexts', { id: ID, url: 'https://news.example/', tab: {} })).toBe(false);
    });

    it("refuses them from another extension's content script", () => {
      expect(accept('content:matchTexts', { ...contentScript, id: 'other' })).toBe(false);
    });
  });

  describe('bg:* messages', () => {
    it.each(BG_TYPES)('refuses %s from anyone, since only the background sends them', (type) => {
      expect(accept(type, panelPage)).toBe(false);
      expect(accept(type, contentScript)).toBe(false);
    });
  });
});
