/**
 * Schema version 2 features of the notes library: undoable delete, conflict-checked saves,
 * imports that merge or keep duplicates, the "seen on" list, the Markdown reader, and the
 * Markdown/.zip export that must read back to the same notes.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createNotesRepo, openNotesDb, parseNotesFile, toNotesFile, type Note } from '../../../lib/notes';
import { parseInline, parseMarkdown } from '../../../lib/notes/markdown';
import { markdownFileNames, noteToMarkdown, parseMarkdownNote } from '../../../lib/notes/markdown-files';
import { notesFromZip, notesToZip } from '../../../lib/notes/zip';

async function setup() {
  const db = await openNotesDb(new IDBFactory());
  let t = 1_000;
  let n = 0;
  const repo = createNotesRepo({ db, now: () => t, newId: () => `id-${++n}` });
  return { db, repo, tick: (to: number) => (t = to) };
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

describe('delete and undo', () => {
  it('remove returns the note; restore puts it back exactly, indexes included', async () => {
    const { repo } = await setup();
    const note = ok(await repo.save({ title: 'ECB', aliases: ['BCE'], body: 'Bank', tags: ['eu'], sources: [{ url: 'https://ecb.europa.eu' }] })).note;
    expect(await repo.remove(note.id)).toEqual(note);
    expect(await repo.list()).toEqual([]);
    expect(await repo.remove(note.id)).toBeUndefined();
    expect(await repo.restore(note)).toBe(true);
    expect(await repo.get(note.id)).toEqual(note);
    expect((await repo.findByName('bce')).map((n) => n.id)).toEqual([note.id]);
    // An undo never overwrites a note that has the id again.
    expect(await repo.restore(note)).toBe(false);
  });
});

describe('conflict-checked saves', () => {
  it('refuses an update based on an older version, returning the stored note', async () => {
    const { repo, tick } = await setup();
    const first = ok(await repo.save({ title: 'A', aliases: [], body: 'one' })).note;
    tick(2_000);
    const theirs = ok(await repo.save({ id: first.id, title: 'A', aliases: [], body: 'theirs' }, { baseUpdatedAt: first.updatedAt })).note;
    const mine = await repo.save({ id: first.id, title: 'A', aliases: [], body: 'mine' }, { baseUpdatedAt: first.updatedAt });
    expect(mine).toEqual({ ok: false, conflict: theirs });
    expect((await repo.get(first.id))?.body).toBe('theirs');
    // Overwrite: the editor resends based on the version it was shown.
    expect(ok(await repo.save({ id: first.id, title: 'A', aliases: [], body: 'mine' }, { baseUpdatedAt: theirs.updatedAt })).note.body).toBe('mine');
  });

  it('moves updatedAt forward even when the clock does not', async () => {
    const { repo } = await setup();
    const a = ok(await repo.save({ title: 'A', aliases: [], body: '' })).note;
    const b = ok(await repo.save({ id: a.id, title: 'A', aliases: [], body: 'x' })).note;
    expect(b.updatedAt).toBeGreaterThan(a.updatedAt);
  });
});

describe('importing duplicates', () => {
  it('merge joins aliases, tags, sources and body; keep adds a second note; skip leaves it', async () => {
    const { repo } = await setup();
    ok(await repo.save({ title: 'White House', aliases: ['WH'], body: 'Residence.', tags: ['us'] }));
    const file = parseNotesFile({
      format: 'gloss-notes',
      version: 2,
      notes: [{ title: 'white house', aliases: ['Casa Blanca', 'wh'], tags: ['places'], sources: ['https://whitehouse.gov'], body: 'Office.' }],
    });
    if (!file.ok) throw new Error(file.error);
    expect(await repo.importMany(file.notes, { onDuplicate: 'skip' })).toEqual({ added: 0, merged: 0, skipped: 1 });
    expect(await repo.importMany(file.notes, { onDuplicate: 'merge' })).toEqual({ added: 0, merged: 1, skipped: 0 });
    const [merged] = await repo.list();
    expect(merged).toMatchObject({ title: 'White House', aliases: ['WH', 'Casa Blanca'], tags: ['us', 'places'], body: 'Residence.\n\nOffice.' });
    expect(merged?.sources).toEqual([{ url: 'https://whitehouse.gov' }]);
    expect(await repo.importMany(file.notes, { onDuplicate: 'keep' })).toEqual({ added: 1, merged: 0, skipped: 0 });
    expect(await repo.list()).toHaveLength(2);
  });

  it('keeps the times a Gloss export carries', async () => {
    const { repo } = await setup();
    await repo.importMany([{ title: 'A', aliases: [], body: '', createdAt: 5, updatedAt: 7 }]);
    expect(await repo.list()).toMatchObject([{ createdAt: 5, updatedAt: 7 }]);
  });
});

describe('seen on', () => {
  it('remembers each page once, newest first, without touching updatedAt', async () => {
    const { repo } = await setup();
    const a = ok(await repo.save({ title: 'A', aliases: [], body: '' })).note;
    expect(await repo.recordSeen([a.id, 'missing'], { url: 'https://n.example/1', title: 'One', date: 10 })).toBe(1);
    expect(await repo.recordSeen([a.id], { url: 'https://n.example/1', title: 'One', date: 11 })).toBe(0);
    await repo.recordSeen([a.id], { url: 'https://n.example/2', title: 'Two', date: 12 });
    const after = await repo.get(a.id);
    expect(after?.seen.map((s) => s.title)).toEqual(['Two', 'One']);
    expect(after?.updatedAt).toBe(a.updatedAt);
  });
});

describe('the Markdown reader', () => {
  it('reads paragraphs, headings, lists, code and quotes', () => {
    expect(parseMarkdown('# Head\n\nOne\ntwo\n\n- a\n- b\n\n1. x\n2. y\n\n```\n<b>raw</b>\n```\n> q')).toEqual([
      { type: 'h', level: 1, children: ['Head'] },
      { type: 'p', children: ['One\ntwo'] },
      { type: 'ul', items: [['a'], ['b']] },
      { type: 'ol', items: [['x'], ['y']] },
      { type: 'code', text: '<b>raw</b>' },
      { type: 'quote', children: ['q'] },
    ]);
  });

  it('reads emphasis, strong, code and safe links only', () => {
    expect(parseInline('**b** *i* _j_ `c` [ECB](https://ecb.europa.eu) [x](javascript:alert(1)) see https://a.example/p.')).toEqual([
      { type: 'strong', children: ['b'] },
      ' ',
      { type: 'em', children: ['i'] },
      ' ',
      { type: 'em', children: ['j'] },
      ' ',
      { type: 'code', text: 'c' },
      ' ',
      { type: 'link', href: 'https://ecb.europa.eu', children: ['ECB'] },
      ' x) see ',
      { type: 'link', href: 'https://a.example/p', children: ['https://a.example/p'] },
      '.',
    ]);
  });

  it('keeps markup-looking text as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ type: 'p', children: ['<img src=x onerror=alert(1)>'] }]);
  });
});

const NOTES: Note[] = [
  { id: '1', title: 'Élysée: "Palace"', aliases: ['Elysee'], body: '**Home** of the president.\n\n- one', tags: ['france', 'places'], sources: [{ url: 'https://elysee.fr' }], seen: [], createdAt: Date.UTC(2024, 0, 1), updatedAt: Date.UTC(2024, 5, 1) },
  { id: '2', title: 'élysée: "palace"', aliases: [], body: '', tags: [], sources: [], seen: [], createdAt: 1_000, updatedAt: 2_000 },
];

describe('Markdown files and .zip export', () => {
  it('writes Obsidian-style front matter and reads it back to the same note', () => {
    const text = noteToMarkdown(NOTES[0]!);
    expect(text).toContain('aliases:\n  - "Elysee"\ntags:\n  - "france"\n  - "places"\n');
    const back = parseMarkdownNote(text, 'x.md');
    expect(back).toEqual({ ok: true, note: { title: NOTES[0]!.title, aliases: ['Elysee'], tags: ['france', 'places'], sources: [{ url: 'https://elysee.fr' }], body: NOTES[0]!.body, createdAt: NOTES[0]!.createdAt, updatedAt: NOTES[0]!.updatedAt } });
  });

  it('keeps source labels (even with brackets) and a body that ends with a line break', () => {
    const note = {
      ...NOTES[0]!,
      sources: [{ url: 'https://a.example/x', title: 'Report [2025] \\ annex' }, { url: 'https://b.example/' }],
      body: 'Ends with a break\n',
    };
    const back = parseMarkdownNote(noteToMarkdown(note), 'x.md');
    expect(back.ok && back.note.sources).toEqual(note.sources);
    expect(back.ok && back.note.body).toBe('Ends with a break\n');
  });

  it('reads plain Obsidian notes: title from the file name, flow lists, #tags', () => {
    const r = parseMarkdownNote('---\naliases: [ECB, "BCE"]\ntags: [#eu]\n---\nBody', 'vault/European Central Bank.md');
    expect(r).toMatchObject({ ok: true, note: { title: 'European Central Bank', aliases: ['ECB', 'BCE'], tags: ['eu'], body: 'Body' } });
    expect(parseMarkdownNote('No front matter', 'a.md')).toMatchObject({ ok: true, note: { title: 'a', body: 'No front matter' } });
  });

  it('names the file and line at fault', () => {
    expect(parseMarkdownNote('---\ntitle: "A"\nnot yaml\n---\n', 'bad.md')).toEqual({ ok: false, error: 'bad.md line 3: expected "key: value".' });
    expect(parseMarkdownNote('---\nsources:\n  - "ftp://x"\n---\n', 'src.md')).toEqual({ ok: false, error: 'src.md.sources: Each source must be a web address starting with http:// or https://.' });
  });

  it('gives notes distinct, safe file names', () => {
    expect(markdownFileNames(NOTES)).toEqual(['Élysée- -Palace-.md', 'élysée- -palace- (2).md']);
  });

  it('a .zip export reads back to the same notes (JSON export too)', () => {
    const read = notesFromZip(notesToZip(NOTES));
    if (!read.ok) throw new Error(read.error);
    const json = parseNotesFile(JSON.stringify(toNotesFile(NOTES)));
    if (!json.ok) throw new Error(json.error);
    const strip = (n: { title: string }) => n;
    expect(read.notes.map(strip).sort((a, b) => a.title.localeCompare(b.title))).toEqual(json.notes.map(strip).sort((a, b) => a.title.localeCompare(b.title)));
    expect(json.notes[0]).toEqual({ title: NOTES[0]!.title, aliases: ['Elysee'], tags: ['france', 'places'], sources: [{ url: 'https://elysee.fr' }], body: NOTES[0]!.body, createdAt: NOTES[0]!.createdAt, updatedAt: NOTES[0]!.updatedAt });
  });

  it('refuses an archive that is not a zip or has no notes', () => {
    expect(notesFromZip(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false });
  });
});
