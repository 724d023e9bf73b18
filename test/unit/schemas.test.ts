import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA_DIR = path.join(ROOT, 'schemas');
const BUILD_SCRIPT = path.join(ROOT, 'scripts', 'build-schemas.mjs');
const OUTPUTS = ['tde', 'find', 'refine', 'design', 'implement'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function readJson(file: string): JsonObject {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonObject;
}

const schemas = Object.fromEntries(
  OUTPUTS.map((name) => [name, readJson(path.join(SCHEMA_DIR, `${name}.schema.json`))]),
) as Record<(typeof OUTPUTS)[number], JsonObject>;

interface Vocabulary {
  steps: { id: string; title: string; summary: string; keyResult: string }[];
  tactics: {
    id: string;
    step: string;
    name: string;
    summary: string;
    description: string;
    worksWellWhen: string;
    criteria?: { id: string; description: string }[];
  }[];
  enums: Record<string, { value: string; description: string }[]>;
  pitchBlanks: { key: string; label: string; description: string }[];
}
const vocabulary = readJson(path.join(SCHEMA_DIR, 'src', 'vocabulary.json')) as unknown as Vocabulary;

/** The same ajv set-up the engine uses: strict, with enumDescriptions as an annotation. */
function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
  return ajv;
}

const validators = new Map<string, ValidateFunction>();
function validator(name: (typeof OUTPUTS)[number]): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    validate = makeAjv().compile(schemas[name]);
    validators.set(name, validate);
  }
  return validate;
}

function load(text: string): unknown {
  return parse(text, { version: '1.2', schema: 'core' });
}

/** ajv adds an "if" error beside the real one when a branch fails; the engine drops those. */
function realErrors(errors: ErrorObject[] | null | undefined): ErrorObject[] {
  return (errors ?? []).filter((error) => error.keyword !== 'if');
}

function errorsOf(document: unknown): ErrorObject[] {
  const validate = validator('tde');
  assert.equal(validate(document), false, 'expected the document to be rejected');
  return realErrors(validate.errors);
}

function assertValid(name: (typeof OUTPUTS)[number], document: unknown): void {
  const validate = validator(name);
  const valid = validate(document);
  assert.ok(valid, `expected valid, got ${JSON.stringify(validate.errors, null, 2)}`);
}

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SCHEMA_LISTS = ['anyOf', 'allOf', 'prefixItems'];
const SCHEMA_SINGLES = ['items', 'if', 'then', 'else', 'not', 'contains', 'additionalProperties', 'propertyNames'];

interface Subschema {
  node: JsonObject;
  where: string;
  /** Inside an `if`: a condition, not a shape that documents data. */
  condition: boolean;
}

/** Every subschema of a schema (following keywords, not data), with its location. */
function* walk(node: Json, where = '#', condition = false): Generator<Subschema> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  yield { node, where, condition };
  for (const key of SCHEMA_MAPS) {
    for (const [name, child] of Object.entries((node[key] ?? {}) as JsonObject)) {
      yield* walk(child, `${where}/${key}/${name}`, condition);
    }
  }
  for (const key of SCHEMA_LISTS) {
    for (const [index, child] of ((node[key] ?? []) as Json[]).entries()) {
      yield* walk(child, `${where}/${key}/${index}`, condition);
    }
  }
  for (const key of SCHEMA_SINGLES) {
    if (key in node) yield* walk(node[key], `${where}/${key}`, condition || key === 'if');
  }
}

const COMPLETE = `
# yaml-language-server: $schema=../schemas/tde.schema.json
tde: 1
x-generator: hand-written
project:
  title: Vacant lots on the East Side
  place: City of Riverton
  team: [Office of Performance, Open Data Team]
  iteration: 2
  previous: ../2023/vacant-lots.tde.yaml
  started: 2024-02-01
  summary: Help block clubs use city data to reclaim vacant lots.
  links:
    - title: Open data portal
      url: https://data.riverton.example/
      x-kind: portal
  x-budget: 0
find:
  status: done
  action: Listened at ward meetings and read a year of records requests.
  engagement:
    - mode: ward meeting listening sessions
      date: 2024-02-12
      notes: Vacant lots came up at every meeting.
      x-attendance: 40
  collaborators:
    - name: Ward 5 block club
      role: community-group
      represents: residents of Ward 5
    - name: Dana Ortiz
      role: government
      organization: Planning Department
      contact: planning@riverton.example
      intended_user: false
      x-note: liaison
    - name: Riverton Land Trust
      role: nonprofit
  tactics:
    - join-public-meetings
    - id: analyze-information-requests
      date: 2024-02-20
      notes: Parcel questions dominate.
      criteria: [records-request-system, portal-usage-data]
      x-source: records log
    - custom: Door-knocking
      description: Two volunteers asked neighbors about empty lots.
      date: 2024-02-25
      x-volunteers: 2
  result:
    focus_area: Vacant and abandoned lots
    rationale: The most frequent concern and a mayoral priority.
    priorities: [Neighborhood revitalization]
    data_holdings: [Parcel ownership, Code violations]
    x-confidence: high
  notes: Strong overlap with the housing plan.
refine:
  status: done
  engagement: Interviews with block club leaders and a scope-a-thon.
  collaborators:
    - name: Maria Lopez
      role: organizer
  tactics:
    - interview-stakeholders
    - id: host-a-scope-a-thon
      notes: 30 people came.
  use_cases:
    - id: lot-cleanup-list
      title: Monthly cleanup list
      persona:
        name: Maria, block club leader
        description: Organizes monthly cleanups and lacks ownership data.
        x-age: 50
      user_story: As a block club leader, I want a monthly list of vacant lots on my blocks, so that we can report the ones that need cleanup.
      data_needed: [Parcel ownership, Code violations]
      impact: Faster cleanups.
      support: strong
      x-priority: 1
    - id: side-lot-purchase
      support: moderate
  worksheet:
    data_supply: [Parcel data (Assessor)]
    data_requesters: [Block clubs, Land trust]
    past_activities: [Records requests answered by PDF]
    next_steps: [Pilot a monthly list with two block clubs]
    x-owner: Open Data Team
  pitch:
    impact: safer, cleaner blocks
    template: "{focus_area} matters for {impact}. We used {refining_tactic} with {data_requesters} about {data_supply}; next: {next_steps}."
    x-lang: en
  result:
    promising_use_cases: [lot-cleanup-list]
design:
  status: in-progress
  collaborators:
    - name: Maria Lopez
      role: organizer
      intended_user: true
  tactics:
    - hold-expert-focus-groups
  selected_use_case: lot-cleanup-list
  plan:
    summary: A printed monthly list of vacant lots per block club.
    intervention: do-low-tech-outreach
    roles: ["Library: prints and hands out the list"]
    timeline:
      - milestone: First list printed
        date: 2024-05-01
        x-done: false
    steward: Riverton Public Library
    formality: light
    x-cost: 200
  feedback:
    - from: Maria Lopez
      via: meeting
      date: 2024-04-10
      summary: Add owner contact where public.
      incorporated: partly
      x-followup: true
  result:
    approved_by: [Maria Lopez]
implement:
  status: not-started
  intervention:
    name: Monthly vacant lot list
    description: Printed list per ward.
    tactic: do-low-tech-outreach
    x-pilot: true
  feedback_channels:
    - channel: Monthly office hours at the library
      owner: Open Data Team
      url: https://riverton.example/office-hours
      x-room: 2B
  datasets:
    - name: Vacant parcels
      url: https://data.riverton.example/vacant
      format: CSV
      license: CC0-1.0
      x-refresh: monthly
  outcomes:
    - description: Twelve lots cleaned in the pilot wards.
      date: 2024-08-01
      evidence: Block club report
      x-verified: true
  result:
    product: Monthly vacant lot list
    state: piloting
    x-next: citywide
next:
  opportunities: [Side lot purchases]
  x-owner: Open Data Team
`;

function complete(): Record<string, any> {
  return load(COMPLETE) as Record<string, any>;
}

describe('JSON Schemas of the .tde.yaml format', () => {
  describe('generated files', () => {
    for (const name of OUTPUTS) {
      it(`${name}.schema.json compiles under strict ajv`, () => {
        assert.equal(typeof validator(name), 'function');
      });

      it(`${name}.schema.json is self-contained and identified`, () => {
        const schema = schemas[name];
        assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
        assert.equal(schema.$id, `https://tde-tools.github.io/tde/schemas/v1/${name}.schema.json`);
        assert.equal(typeof schema.title, 'string');
        assert.equal(typeof schema.description, 'string');
        const defs = (schema.$defs ?? {}) as JsonObject;
        for (const { node, where } of walk(schema)) {
          if (typeof node.$ref === 'string') {
            const match = /^#\/\$defs\/([^/]+)$/.exec(node.$ref);
            assert.ok(match, `${where}: external or deep $ref ${node.$ref}`);
            assert.ok(match[1] in defs, `${where}: $ref to missing definition ${node.$ref}`);
          }
          assert.ok(!('format' in node), `${where}: uses format`);
          assert.ok(!('oneOf' in node), `${where}: uses oneOf`);
          assert.ok(!('x-vocabulary' in node), `${where}: placeholder left in`);
        }
      });

      it(`${name}.schema.json describes every property`, () => {
        for (const { node, where, condition } of walk(schemas[name])) {
          // Conditions and then-branches only restate keys documented beside them.
          if (condition || !node.properties || node.type === undefined) continue;
          const required = (node.required ?? []) as string[];
          for (const [key, property] of Object.entries(node.properties as JsonObject)) {
            const description = (property as JsonObject).description;
            assert.ok(typeof description === 'string' && description.length > 10, `${where}/properties/${key} lacks a description`);
            if (required.includes(key)) {
              assert.match(description, /Required/, `${where}/properties/${key} is required but does not say so`);
            }
          }
        }
      });

      it(`${name}.schema.json closes every object and allows x- keys`, () => {
        for (const { node, where, condition } of walk(schemas[name])) {
          if (condition || node.type !== 'object') continue;
          assert.ok(node.properties, `${where}: object without properties`);
          assert.equal(node.additionalProperties, false, `${where}: additionalProperties must be false`);
          assert.deepEqual(node.patternProperties, { '^x-': {} }, `${where}: x- keys must be allowed`);
          for (const key of (node.required ?? []) as string[]) {
            assert.ok(key in (node.properties as JsonObject), `${where}: required ${key} is not a property`);
          }
        }
      });

      it(`${name}.schema.json pairs every enum with enumDescriptions`, () => {
        let enums = 0;
        for (const { node, where } of walk(schemas[name])) {
          if (!('enum' in node)) continue;
          enums += 1;
          const values = node.enum as string[];
          const descriptions = node.enumDescriptions as string[];
          assert.ok(Array.isArray(descriptions), `${where}: enum without enumDescriptions`);
          assert.equal(descriptions.length, values.length, `${where}: enumDescriptions length`);
          for (const text of descriptions) assert.ok(typeof text === 'string' && text.length > 0, `${where}: empty enum description`);
        }
        assert.ok(enums > 0);
      });
    }

    it('takes enums and tactic ids from vocabulary.json', () => {
      const defs = schemas.tde.$defs as Record<string, JsonObject>;
      assert.deepEqual(defs.role.enum, vocabulary.enums.role.map((entry) => entry.value));
      assert.deepEqual(defs.status.enum, vocabulary.enums.status.map((entry) => entry.value));
      const documented = (def: string) =>
        (defs[def].anyOf as JsonObject[]).filter((branch) => 'const' in branch).map((branch) => branch.const);
      for (const step of ['find', 'refine', 'design', 'implement']) {
        assert.deepEqual(
          documented(`${step}-tactic-id`),
          vocabulary.tactics.filter((tactic) => tactic.step === step).map((tactic) => tactic.id),
        );
      }
      assert.deepEqual(
        documented('find-criterion-id'),
        vocabulary.tactics.flatMap((tactic) => (tactic.criteria ?? []).map((criterion) => criterion.id)),
      );
      const plan = defs.plan.properties as JsonObject;
      assert.equal((plan.intervention as JsonObject).$ref, '#/$defs/implement-tactic-id');
    });

    it('is up to date with its sources (build-schemas --check)', () => {
      const result = spawnSync(process.execPath, [BUILD_SCRIPT, '--check'], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
    });

    it('build-schemas --check names a stale file and exits 1', () => {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-schemas-'));
      try {
        fs.cpSync(path.join(ROOT, 'scripts'), path.join(copy, 'scripts'), { recursive: true });
        fs.cpSync(SCHEMA_DIR, path.join(copy, 'schemas'), { recursive: true });
        const stale = path.join(copy, 'schemas', 'refine.schema.json');
        fs.writeFileSync(stale, fs.readFileSync(stale, 'utf8').replace('"Refine"', '"Refine (edited)"'));
        const result = spawnSync(process.execPath, [path.join(copy, 'scripts', 'build-schemas.mjs'), '--check'], {
          encoding: 'utf8',
        });
        assert.equal(result.status, 1);
        assert.match(result.stderr, /schemas\/refine\.schema\.json is out of date/);
        assert.doesNotMatch(result.stderr, /tde\.schema\.json/);
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    });
  });

  describe('vocabulary.json', () => {
    const BRIEF: Record<string, Record<string, string[] | undefined>> = {
      find: {
        'identify-shared-priorities': ['strategic-priorities', 'aligned-stakeholders', 'collaboration-desire'],
        'analyze-information-requests': [
          'records-request-system',
          'portal-usage-data',
          'api-registrations',
          'informal-request-channel',
          'feedback-data',
        ],
        'identify-valuable-partners': ['community-partnerships', 'vendor-contracts', 'partnership-documents', 'partner-led-reuse'],
        'join-public-meetings': [
          'standing-meetings',
          'feedback-channels',
          'unshared-relevant-data',
          'meeting-regulars',
          'engagement-staff',
        ],
        'map-impactful-focus-areas': ['replication-interest', 'proven-data-available', 'internal-data-capacity'],
      },
      refine: {
        'interview-stakeholders': undefined,
        'host-a-scope-a-thon': undefined,
        'consult-data-users-and-experts': undefined,
        'consult-the-public': undefined,
        'workshop-with-partners': undefined,
      },
      design: {
        'solicit-user-feedback': undefined,
        'hold-expert-focus-groups': undefined,
        'host-public-planning-workshops': undefined,
      },
      implement: {
        'do-low-tech-outreach': undefined,
        'create-data-help-guides': undefined,
        'invite-intermediaries': undefined,
        'co-create-with-civic-hackers': undefined,
        'crowdsource-data-quality': undefined,
        'generate-data-stories': undefined,
        'host-a-data-challenge': undefined,
      },
    };

    it('has the four steps in order, each with a summary and a key result', () => {
      assert.deepEqual(
        vocabulary.steps.map((step) => [step.id, step.title]),
        [
          ['find', 'Find'],
          ['refine', 'Refine'],
          ['design', 'Design'],
          ['implement', 'Implement'],
        ],
      );
      for (const step of vocabulary.steps) {
        assert.ok(step.summary.length > 20 && step.keyResult.length > 20, step.id);
      }
    });

    it('has the 20 tactics of the brief, with criteria only on Find tactics', () => {
      assert.equal(vocabulary.tactics.length, 20);
      const actual: Record<string, Record<string, string[] | undefined>> = {};
      for (const tactic of vocabulary.tactics) {
        actual[tactic.step] ??= {};
        actual[tactic.step][tactic.id] = tactic.criteria?.map((criterion) => criterion.id);
        for (const key of ['name', 'summary', 'description', 'worksWellWhen'] as const) {
          assert.ok(tactic[key].length > 5, `${tactic.id} lacks ${key}`);
        }
        for (const criterion of tactic.criteria ?? []) assert.ok(criterion.description.length > 10, criterion.id);
      }
      assert.deepEqual(actual, BRIEF);
    });

    it('uses the guide names for Find tactics', () => {
      const names = Object.fromEntries(vocabulary.tactics.map((tactic) => [tactic.id, tactic.name]));
      assert.equal(names['identify-shared-priorities'], 'Identify shared priorities');
      assert.equal(names['analyze-information-requests'], 'Analyze data/information requests');
      assert.equal(names['identify-valuable-partners'], 'Identify valuable partners');
      assert.equal(names['join-public-meetings'], 'Join public meetings');
      assert.equal(names['map-impactful-focus-areas'], 'Map impactful focus areas');
    });

    it('has the enums of the brief', () => {
      const values = Object.fromEntries(
        Object.entries(vocabulary.enums).map(([name, entries]) => [name, entries.map((entry) => entry.value)]),
      );
      assert.deepEqual(values, {
        status: ['not-started', 'in-progress', 'done', 'skipped'],
        role: [
          'resident',
          'community-group',
          'nonprofit',
          'advocate',
          'organizer',
          'researcher',
          'librarian',
          'journalist',
          'civic-hacker',
          'data-intermediary',
          'business',
          'government',
          'other',
        ],
        support: ['strong', 'moderate', 'weak'],
        via: ['email', 'meeting', 'workshop', 'online', 'survey', 'focus-group', 'phone', 'text-message', 'mail', 'social-media', 'door-to-door', 'other'],
        incorporated: ['yes', 'no', 'partly'],
        formality: ['light', 'formal'],
        state: ['piloting', 'launched', 'complete'],
      });
    });

    it('has the six pitch blanks in the guide order', () => {
      assert.deepEqual(
        vocabulary.pitchBlanks.map((blank) => [blank.key, blank.label]),
        [
          ['focus_area', 'FOCUS AREA'],
          ['impact', 'IMPACT'],
          ['refining_tactic', 'REFINING TACTIC'],
          ['data_requesters', 'DATA REQUESTERS'],
          ['data_supply', 'MY DATA SUPPLY'],
          ['next_steps', 'NEXT STEPS'],
        ],
      );
    });
  });

  describe('validation', () => {
    it('accepts a complete project, with x- keys everywhere', () => {
      assertValid('tde', complete());
    });

    it('accepts each step on its own against its step schema', () => {
      const document = complete();
      for (const step of ['find', 'refine', 'design', 'implement'] as const) {
        assertValid(step, document[step]);
      }
    });

    it('accepts the smallest file', () => {
      assertValid('tde', load('tde: 1\nproject: {title: T, place: P}\n'));
    });

    it('rejects an unknown key on the object that holds it', () => {
      const document = complete();
      document.find.colaborators = [];
      const errors = errorsOf(document);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].keyword, 'additionalProperties');
      assert.equal(errors[0].instancePath, '/find');
      assert.equal(errors[0].params.additionalProperty, 'colaborators');
    });

    it('rejects an unknown top-level key', () => {
      const document = complete();
      document.nxt = {};
      const errors = errorsOf(document);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].instancePath, '');
      assert.equal(errors[0].params.additionalProperty, 'nxt');
    });

    it('rejects a role outside the list, on the value', () => {
      const document = complete();
      document.find.collaborators[0].role = 'neighbour';
      const errors = errorsOf(document);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].keyword, 'enum');
      assert.equal(errors[0].instancePath, '/find/collaborators/0/role');
    });

    it('rejects a collaborator without a name, on the collaborator', () => {
      const document = complete();
      delete document.find.collaborators[1].name;
      const errors = errorsOf(document);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].keyword, 'required');
      assert.equal(errors[0].instancePath, '/find/collaborators/1');
      assert.equal(errors[0].params.missingProperty, 'name');
    });

    it('rejects a date that is not YYYY-MM-DD', () => {
      for (const started of ['2024-2-1', '2024-13-01', '01/02/2024', '2024-02-32']) {
        const document = complete();
        document.project.started = started;
        const errors = errorsOf(document);
        assert.equal(errors.length, 1, started);
        assert.equal(errors[0].keyword, 'pattern');
        assert.equal(errors[0].instancePath, '/project/started');
      }
    });

    it('accepts an unquoted date, which YAML 1.2 core reads as a string', () => {
      const document = load('tde: 1\nproject: {title: T, place: P, started: 2024-02-01}\n') as any;
      assert.equal(document.project.started, '2024-02-01');
      assertValid('tde', document);
    });

    it('rejects an unknown pitch placeholder, on the template', () => {
      const document = complete();
      document.refine.pitch.template = 'We care about {focus_area} and {budget}.';
      const errors = errorsOf(document);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].keyword, 'pattern');
      assert.equal(errors[0].instancePath, '/refine/pitch/template');
    });

    it('accepts a template with only known placeholders, or none', () => {
      const document = complete();
      document.refine.pitch.template = 'Sin marcadores } sueltos.';
      assertValid('tde', document);
    });

    it('requires status in a present step and skip_reason when skipped', () => {
      let document = complete();
      delete document.design.status;
      let errors = errorsOf(document);
      assert.deepEqual(
        errors.map((error) => [error.instancePath, error.params.missingProperty]),
        [['/design', 'status']],
      );

      document = complete();
      document.design = { status: 'skipped' };
      errors = errorsOf(document);
      assert.deepEqual(
        errors.map((error) => [error.instancePath, error.params.missingProperty]),
        [['/design', 'skip_reason']],
      );

      document.design.skip_reason = 'The use case was already designed by the land trust.';
      assertValid('tde', document);
    });

    it('leaves unknown and misplaced tactic ids to the rules', () => {
      const document = complete();
      document.find.tactics.push('interview-stakeholders', 'no-such-tactic', { id: 'no-such-tactic', criteria: ['nope'] });
      document.design.plan.intervention = 'solicit-user-feedback';
      document.implement.intervention.tactic = 'made-up';
      assertValid('tde', document);
    });

    it('leaves a list of selected use cases and a missing focus area to the rules', () => {
      const document = complete();
      document.design.selected_use_case = ['lot-cleanup-list', 'side-lot-purchase'];
      delete document.find.result.focus_area;
      assertValid('tde', document);
    });

    it('reports one error for a tactic entry with neither id nor custom', () => {
      const document = complete();
      document.refine.tactics.push({ notes: 'forgot the id' });
      const errors = errorsOf(document);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].keyword, 'required');
      assert.equal(errors[0].instancePath, '/refine/tactics/2');
      assert.equal(errors[0].params.missingProperty, 'id');
    });

    it('reports one error for a tactic that is neither a string nor an object', () => {
      const document = complete();
      document.implement.tactics = [42];
      const errors = errorsOf(document);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].keyword, 'type');
      assert.equal(errors[0].instancePath, '/implement/tactics/0');
    });

    it('keeps criteria to Find tactics used by id', () => {
      let document = complete();
      document.find.tactics[2].criteria = ['standing-meetings'];
      let errors = errorsOf(document);
      assert.deepEqual(
        errors.map((error) => [error.instancePath, error.params.additionalProperty]),
        [['/find/tactics/2', 'criteria']],
      );

      document = complete();
      document.refine.tactics[1].criteria = [];
      errors = errorsOf(document);
      assert.deepEqual(
        errors.map((error) => [error.instancePath, error.params.additionalProperty]),
        [['/refine/tactics/1', 'criteria']],
      );
    });

    it('rejects a custom tactic that also has an id, on the custom entry', () => {
      const document = complete();
      document.find.tactics[2].id = 'join-public-meetings';
      const errors = errorsOf(document);
      assert.deepEqual(
        errors.map((error) => [error.instancePath, error.params.additionalProperty]),
        [['/find/tactics/2', 'id']],
      );
    });

    it('accepts team and engagement as a string or a list, and nothing else', () => {
      const document = complete();
      document.project.team = 'Open Data Team';
      document.find.engagement = 'Listening sessions in every ward.';
      assertValid('tde', document);
      document.project.team = 3;
      const errors = errorsOf(document);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].keyword, 'type');
      assert.equal(errors[0].instancePath, '/project/team');
    });

    it('checks the format version, iteration, use case ids and link urls', () => {
      const cases: [(document: Record<string, any>) => void, string, string][] = [
        [(d) => (d.tde = 2), '/tde', 'const'],
        [(d) => (d.project.iteration = 0), '/project/iteration', 'minimum'],
        [(d) => (d.project.iteration = 1.5), '/project/iteration', 'type'],
        [(d) => (d.refine.use_cases[0].id = 'Lot Cleanup'), '/refine/use_cases/0/id', 'pattern'],
        [(d) => (d.project.links[0].url = 'data.riverton.example'), '/project/links/0/url', 'pattern'],
        [(d) => delete d.project.links[0].title, '/project/links/0', 'required'],
        [(d) => (d.refine.use_cases[0].support = 'high'), '/refine/use_cases/0/support', 'enum'],
        [(d) => (d.design.feedback[0].via = 'fax'), '/design/feedback/0/via', 'enum'],
        [(d) => delete d.design.feedback[0].from, '/design/feedback/0', 'required'],
        [(d) => (d.design.plan.formality = 'heavy'), '/design/plan/formality', 'enum'],
        [(d) => (d.implement.result.state = 'done'), '/implement/result/state', 'enum'],
        [(d) => (d.find.collaborators[0].intended_user = 'yes'), '/find/collaborators/0/intended_user', 'type'],
        [(d) => delete d.project.title, '/project', 'required'],
      ];
      for (const [change, instancePath, keyword] of cases) {
        const document = complete();
        change(document);
        const errors = errorsOf(document);
        assert.deepEqual(
          errors.map((error) => [error.instancePath, error.keyword]),
          [[instancePath, keyword]],
          `${instancePath} ${keyword}`,
        );
      }
    });
  });
});
