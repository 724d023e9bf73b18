// Text edits for fixes: minimal, in the file's own style (indentation, line
// breaks, quotes), never touching anything else.
import * as assert from 'node:assert/strict';
import { applyEdits, parseTde, type TextEdit } from '../../server/src/engine';
import { insertKeyEdit, replaceScalarEdit } from '../../server/src/engine/edits';
import { mapAt, valueOf, seqItems, isMap, type YAMLMap, type Node } from '../../server/src/engine/document';

function nodeAtPath(text: string, path: (string | number)[]): { doc: ReturnType<typeof parseTde>; node: Node } {
  const doc = parseTde(text);
  let node: unknown = doc.root;
  for (const segment of path) {
    node = typeof segment === 'number' ? seqItems(node)[segment] : valueOf(node, segment);
  }
  assert.ok(node, `no node at ${path.join('.')}`);
  return { doc, node: node as Node };
}

describe('engine: edits', () => {
  describe('applyEdits', () => {
    it('applies nothing to nothing', () => {
      assert.equal(applyEdits('tde: 1\n', []), 'tde: 1\n');
    });

    it('replaces, inserts and deletes, in any order given', () => {
      const text = 'alpha beta gamma';
      const edits: TextEdit[] = [
        { offset: 11, length: 5, newText: 'GAMMA' },
        { offset: 0, length: 0, newText: '>> ' },
        { offset: 5, length: 5, newText: '' },
      ];
      assert.equal(applyEdits(text, edits), '>> alpha GAMMA');
      assert.equal(applyEdits(text, [...edits].reverse()), '>> alpha GAMMA');
    });

    it('offsets refer to the original text, not to the text after earlier edits', () => {
      assert.equal(
        applyEdits('a: 1\nb: 2\n', [
          { offset: 0, length: 1, newText: 'first' },
          { offset: 5, length: 1, newText: 'second' },
        ]),
        'first: 1\nsecond: 2\n',
      );
    });

    it('never applies two edits that overlap', () => {
      const result = applyEdits('0123456789', [
        { offset: 0, length: 5, newText: 'X' },
        { offset: 3, length: 4, newText: 'Y' },
      ]);
      assert.ok(result === 'X56789' || result === '012Y789', `got ${result}`);
    });

    it('leaves the input string unchanged', () => {
      const text = 'tde: 1\n';
      const edits = [{ offset: 5, length: 1, newText: '2' }];
      applyEdits(text, edits);
      assert.equal(text, 'tde: 1\n');
      assert.deepEqual(edits, [{ offset: 5, length: 1, newText: '2' }]);
    });
  });

  describe('insertKeyEdit', () => {
    const stepText = 'tde: 1\nfind:\n  action: Reading 311 requests.\n  notes: x\nrefine:\n  status: done\n';

    it('inserts a line at the top of a block mapping, at its indentation', () => {
      const doc = parseTde(stepText);
      const find = mapAt(doc.root, 'find')!;
      const edit = insertKeyEdit(doc, find, 'status', 'not-started')!;
      assert.ok(edit);
      assert.equal(
        applyEdits(stepText, [edit]),
        'tde: 1\nfind:\n  status: not-started\n  action: Reading 311 requests.\n  notes: x\nrefine:\n  status: done\n',
      );
      assert.equal(edit.length, 0, 'an insertion replaces nothing');
    });

    it('keeps a deeper indentation', () => {
      const text = 'tde: 1\nrefine:\n  use_cases:\n    - id: a\n      persona:\n          description: Walks to work.\n';
      const { doc, node } = nodeAtPath(text, ['refine', 'use_cases', 0, 'persona']);
      const edit = insertKeyEdit(doc, node as YAMLMap, 'name', 'Ann')!;
      assert.equal(
        applyEdits(text, [edit]),
        'tde: 1\nrefine:\n  use_cases:\n    - id: a\n      persona:\n          name: Ann\n          description: Walks to work.\n',
      );
    });

    it('uses the file\'s CRLF line breaks', () => {
      const text = stepText.replace(/\n/g, '\r\n');
      const doc = parseTde(text);
      const edit = insertKeyEdit(doc, mapAt(doc.root, 'find')!, 'status', 'not-started')!;
      const result = applyEdits(text, [edit]);
      assert.equal(result, 'tde: 1\r\nfind:\r\n  status: not-started\r\n  action: Reading 311 requests.\r\n  notes: x\r\nrefine:\r\n  status: done\r\n');
      assert.doesNotMatch(result.replace(/\r\n/g, ''), /[\r\n]/, 'no bare line break was added');
    });

    it('appends after the last entry when the first key shares its line with `- `', () => {
      const text = 'find:\n  collaborators:\n    - name: Linden Walks\n      organization: Walks\n    - name: B\n';
      const { doc, node } = nodeAtPath(text, ['find', 'collaborators', 0]);
      const edit = insertKeyEdit(doc, node as YAMLMap, 'role', 'advocate')!;
      assert.equal(
        applyEdits(text, [edit]),
        'find:\n  collaborators:\n    - name: Linden Walks\n      organization: Walks\n      role: advocate\n    - name: B\n',
      );
    });

    it('appends with CRLF in a list item of a CRLF file', () => {
      const text = 'find:\r\n  collaborators:\r\n    - name: Linden Walks\r\n    - name: B\r\n';
      const { doc, node } = nodeAtPath(text, ['find', 'collaborators', 0]);
      const edit = insertKeyEdit(doc, node as YAMLMap, 'role', 'advocate')!;
      assert.equal(applyEdits(text, [edit]), 'find:\r\n  collaborators:\r\n    - name: Linden Walks\r\n      role: advocate\r\n    - name: B\r\n');
    });

    it('gives no edit for a flow mapping or an empty one', () => {
      const text = 'find: {action: x}\nrefine: {}\n';
      const doc = parseTde(text);
      assert.equal(insertKeyEdit(doc, mapAt(doc.root, 'find')!, 'status', 'not-started'), undefined);
      assert.equal(insertKeyEdit(doc, mapAt(doc.root, 'refine')!, 'status', 'not-started'), undefined);
    });

    it('inserts at the top level too', () => {
      const text = '# header comment\nproject:\n  title: x\n  place: y\n';
      const doc = parseTde(text);
      assert.ok(isMap(doc.root));
      const edit = insertKeyEdit(doc, doc.root!, 'tde', '1')!;
      assert.equal(applyEdits(text, [edit]), '# header comment\ntde: 1\nproject:\n  title: x\n  place: y\n');
    });
  });

  describe('replaceScalarEdit', () => {
    it('replaces a plain scalar exactly, leaving a trailing comment alone', () => {
      const text = 'refine:\n  status: not-started\n  tactics:\n    - interview-stakholders   # the first one\n';
      const { node } = nodeAtPath(text, ['refine', 'tactics', 0]);
      const edit = replaceScalarEdit(node, 'interview-stakeholders')!;
      assert.equal(applyEdits(text, [edit]), 'refine:\n  status: not-started\n  tactics:\n    - interview-stakeholders   # the first one\n');
    });

    it('keeps double quotes', () => {
      const text = 'design:\n  selected_use_case: "repair-maps"\n';
      const { node } = nodeAtPath(text, ['design', 'selected_use_case']);
      assert.equal(applyEdits(text, [replaceScalarEdit(node, 'repair-map')!]), 'design:\n  selected_use_case: "repair-map"\n');
    });

    it('keeps single quotes', () => {
      const text = "design:\n  selected_use_case: 'repair-maps'\n";
      const { node } = nodeAtPath(text, ['design', 'selected_use_case']);
      assert.equal(applyEdits(text, [replaceScalarEdit(node, 'repair-map')!]), "design:\n  selected_use_case: 'repair-map'\n");
    });

    it('works inside a flow list without touching its neighbours', () => {
      const text = 'refine:\n  result:\n    promising_use_cases: [repair-map, school-route, curb-ramps]\n';
      const { node } = nodeAtPath(text, ['refine', 'result', 'promising_use_cases', 1]);
      assert.equal(
        applyEdits(text, [replaceScalarEdit(node, 'school-routes')!]),
        'refine:\n  result:\n    promising_use_cases: [repair-map, school-routes, curb-ramps]\n',
      );
    });

    it('replaces a key like any other scalar', () => {
      const text = 'find:\n  status: not-started\n  tactics:\n    - id: join-public-meetings\n      criterias: [standing-meetings]\n';
      const doc = parseTde(text);
      const tactic = seqItems(valueOf(mapAt(doc.root, 'find'), 'tactics'))[0] as YAMLMap;
      const key = tactic.items[1]!.key as Node;
      assert.equal(
        applyEdits(text, [replaceScalarEdit(key, 'criteria')!]),
        'find:\n  status: not-started\n  tactics:\n    - id: join-public-meetings\n      criteria: [standing-meetings]\n',
      );
    });

    it('refuses block scalars and values that would need quoting', () => {
      const text = 'project:\n  title: |\n    Sidewalks\n  place: City of Linden\n';
      const title = nodeAtPath(text, ['project', 'title']).node;
      assert.equal(replaceScalarEdit(title, 'x'), undefined, 'block scalar');
      const place = nodeAtPath(text, ['project', 'place']).node;
      for (const unsafe of ['a: b', 'x # y', '- item', '', '"quoted"', 'line\nbreak', '*alias', '{flow}']) {
        assert.equal(replaceScalarEdit(place, unsafe), undefined, JSON.stringify(unsafe));
      }
      assert.ok(replaceScalarEdit(place, 'Town of Elm'), 'a plain value is fine');
    });

    it('never turns a text into another type (true, null, a number)', () => {
      const text = 'design:\n  feedback:\n    - from: Local 31\n';
      const { node } = nodeAtPath(text, ['design', 'feedback', 0, 'from']);
      for (const value of ['true', 'null', '311', '1.5', 'No', '0o17']) {
        const edit = replaceScalarEdit(node, value);
        if (!edit) continue; // refusing is fine
        const after = nodeAtPath(applyEdits(text, [edit]), ['design', 'feedback', 0, 'from']).node as { value?: unknown };
        assert.equal(after.value, value, `${value} must stay the text ${value}`);
      }
    });

    it('refuses anything that is not a scalar', () => {
      const text = 'project:\n  team: [a, b]\n';
      const team = nodeAtPath(text, ['project', 'team']).node;
      assert.equal(replaceScalarEdit(team, 'a'), undefined);
    });
  });
});
