// docs/format.md is generated from the JSON Schema, so the reference that
// hover links to can never disagree with what the validator checks.
// `npm run docs:format` rewrites it; a test checks it is current.
import * as fs from 'node:fs';
import * as path from 'node:path';
import tdeSchema from '../schemas/tde.schema.json';
import { steps, tactics } from '../server/src/engine/vocabulary';

type Schema = {
  $ref?: string; title?: string; description?: string; type?: string | string[];
  properties?: Record<string, Schema>; required?: string[]; items?: Schema;
  enum?: unknown[]; enumDescriptions?: string[]; anyOf?: Schema[]; const?: unknown; pattern?: string;
  if?: Schema; then?: Schema; else?: Schema;
};

const root = tdeSchema as unknown as Schema & { $defs: Record<string, Schema> };

function resolve(schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let i = 0; i < 10 && current.$ref; i++) {
    current = { ...root.$defs[current.$ref.replace('#/$defs/', '')], description: current.description ?? root.$defs[current.$ref.replace('#/$defs/', '')]?.description };
  }
  return current;
}

function typeWords(schema: Schema): string {
  const s = resolve(schema);
  if (s.enum) {
    const values = s.enum.filter((v) => typeof v === 'string').map((v) => `\`${v}\``).join(', ');
    const aliases = s.enum.filter((v) => typeof v !== 'string');
    return `one of ${values}${aliases.length ? ` (${aliases.map((v) => `\`${String(v)}\``).join(' and ')} are also read as ${aliases.map((v) => `\`${v ? 'yes' : 'no'}\``).join(' and ')}: see [Reading TDE files in your own scripts](#reading-tde-files-in-your-own-scripts))` : ''}`;
  }
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const words = types.map((t) => {
    if (t === 'array') {
      const item = resolve(s.items);
      return item.title ? `list of ${item.title.toLowerCase()}` : `list of ${typeWords(s.items ?? {})}`;
    }
    return { string: 'text', object: 'mapping', integer: 'whole number', number: 'number', boolean: 'true/false' }[t] ?? t;
  });
  if (s.pattern?.startsWith('^[0-9]{4}')) return 'date (YYYY-MM-DD)';
  if (!words.length && s.if) return 'tactic use (an id, `{id, notes, date}` or `{custom, description}`)';
  return words.join(' or ') || 'any';
}

function table(schema: Schema): string[] {
  const s = resolve(schema);
  const rows = Object.entries(s.properties ?? {}).map(([key, value]) => {
    const required = s.required?.includes(key) ? 'yes' : '';
    const description = (value.description ?? resolve(value).description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return `| \`${key}\` | ${typeWords(value)} | ${required} | ${description} |`;
  });
  return ['| key | value | required | meaning |', '| --- | --- | --- | --- |', ...rows];
}

/** Objects nested in a section, each documented once, in order of appearance. */
function nested(schema: Schema, prefix: string, seen: Set<string>, out: string[]): void {
  const s = resolve(schema);
  for (const [key, value] of Object.entries(s.properties ?? {})) {
    let target = resolve(value);
    let label = `${prefix}.${key}`;
    if (target.items) {
      target = resolve(target.items);
      label = `${label}[]`;
    }
    if (!target.properties || seen.has(label)) continue;
    seen.add(label);
    out.push('', `### \`${label}\``, '', target.description ?? '', '', ...table(target));
    nested(target, label, seen, out);
  }
}

/** How to read TDE files from Python and R so that values keep their meaning. */
const READING_IN_SCRIPTS = [
  '## Reading TDE files in your own scripts',
  '',
  'A TDE file is YAML 1.2: `yes`, `no` and `off` are words, and a date such as `2024-02-27` is text. Readers of the older YAML 1.1, such as PyYAML, turn the first three into true and false and the date into a date object, so a script gets something other than what the file says. Read TDE files with a YAML 1.2 reader:',
  '',
  '* **Python**: `py-yaml12` (`pip install py-yaml12`) reads YAML 1.2 into plain dictionaries, lists and text:',
  '',
  '  ```python',
  '  from yaml12 import read_yaml',
  '  project = read_yaml("riverton-eviction-data.tde.yaml")',
  '  project["project"]["started"]   # "2024-01-22", text',
  '  ```',
  '',
  '  PyYAML (`yaml.safe_load`) reads YAML 1.1. If you must use it, `yaml.load(text, Loader=yaml.BaseLoader)` keeps every value as text (numbers and `true` come back as text too).',
  '* **R**: `yaml12` (`install.packages("yaml12")`) reads YAML 1.2:',
  '',
  '  ```r',
  '  project <- yaml12::read_yaml("riverton-eviction-data.tde.yaml")',
  '  project$project$started   # "2024-01-22", text',
  '  ```',
  '',
  '  The `yaml` package reads YAML 1.1, so `incorporated: yes` comes back as `TRUE`.',
  '',
  'A file written back by a YAML 1.1 tool may say `incorporated: true` or `false` where it said `yes` or `no`: `tde` reads those as `yes` and `no`.',
];

export function formatDoc(): string {
  const out = [
    '# The `.tde.yaml` format',
    '',
    '<!-- Generated from schemas/tde.schema.json by `npm run docs:format`; do not edit by hand. -->',
    '',
    root.description ?? '',
    '',
    'Every mapping also accepts keys starting with `x-`, for your own data. Any other key that is not listed here is reported by the `schema` rule.',
    '',
    '## Top level',
    '',
    ...table(root),
  ];
  for (const [key, value] of Object.entries(root.properties ?? {})) {
    const section = resolve(value);
    out.push('', `## ${key}`, '', section.description ?? '', '');
    if (section.properties) {
      out.push(...table(section));
      nested(section, key, new Set(), out);
    } else {
      out.push(`Value: ${typeWords(value)}.`);
    }
  }
  out.push('', '## Tactics', '', 'Tactic ids by step, with the guide\'s names (descriptions are our summaries). Find tactics can list the checklist `criteria` that hold for your city.');
  for (const step of steps) {
    out.push('', `### ${step.title}`, '', '| id | name | what it is |', '| --- | --- | --- |');
    for (const tactic of tactics.filter((t) => t.step === step.id)) {
      const criteria = tactic.criteria?.length ? ` Criteria: ${tactic.criteria.map((c) => `\`${c.id}\``).join(', ')}.` : '';
      out.push(`| \`${tactic.id}\` | ${tactic.name} | ${tactic.summary}${criteria} |`);
    }
  }
  out.push('', ...READING_IN_SCRIPTS);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

if (require.main === module) {
  fs.writeFileSync(path.resolve(__dirname, '..', 'docs', 'format.md'), formatDoc());
  console.log('docs/format.md written');
}
