// The shape of our own modules, read from their import lines: the import
// cycles among them and the exports nothing uses. `npm test` keeps both lists
// empty (test/unit/modules.test.ts); `npm run modules` prints them.
//
// Written over the TypeScript parser we already have rather than with a tool
// such as madge or knip: those pull in dozens of packages for what is here a
// walk over import lines, and ours knows our two conventions (an `x.browser.ts`
// stands in for `x.ts` in the web bundles; `require('./x')` loads a command or
// a formatter on demand).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const root = resolve(__dirname, '..');

/** Folders whose `.ts` files are ours: the sources, the tests and the scripts. */
const folders = ['server/src', 'client/src', 'test', 'scripts'];

/** A module's imports of one other module. */
interface Use {
  target: string;
  /** The names it takes; `*` when it takes the whole module. */
  names: Set<string>;
  /** `export * from` or `export { x } from`: what it takes, it passes on. */
  reexport: boolean;
}

interface ModuleInfo {
  file: string;
  exports: Map<string, number>;
  uses: Use[];
}

function sourceFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'fixtures') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
    }
  };
  for (const folder of folders) if (existsSync(join(root, folder))) walk(join(root, folder));
  return found.sort();
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The name a `require('./x')` or `import('./x')` is read by, or `*`. */
function nameTakenFrom(node: ts.Node): string {
  let outer = node.parent;
  while (outer && (ts.isParenthesizedExpression(outer) || ts.isAsExpression(outer))) outer = outer.parent;
  if (outer && ts.isPropertyAccessExpression(outer)) return outer.name.text;
  return '*';
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function readModule(file: string): ModuleInfo {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const exports = new Map<string, number>();
  const uses: Use[] = [];
  const line = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const use = (specifier: string, names: Iterable<string>, reexport = false): void => {
    const target = resolveImport(file, specifier);
    if (target) uses.push({ target, names: new Set(names), reexport });
  };

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const names: string[] = [];
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
      }
      use(statement.moduleSpecifier.text, names);
    } else if (ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) use(specifier, ['*'], true);
      } else if (ts.isNamedExports(clause)) {
        for (const element of clause.elements) exports.set(element.name.text, line(element));
        if (specifier) use(specifier, clause.elements.map((e) => (e.propertyName ?? e.name).text), true);
      } else {
        exports.set(clause.name.text, line(clause));
        if (specifier) use(specifier, ['*']);
      }
    } else if (ts.isExportAssignment(statement)) {
      exports.set('default', line(statement));
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) exports.set(declaration.name.text, line(declaration));
        }
      } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
        exports.set(isDefault ? 'default' : (statement.name as ts.Identifier).text, line(statement));
      } else if (isDefault) {
        exports.set('default', line(statement));
      }
    }
  }

  // On-demand loads anywhere in the file: require('./x').name and typeof import('./x').
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require'
      && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      use(node.arguments[0].text, [nameTakenFrom(node)]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)
      && ts.isStringLiteral(node.argument.literal)) {
      const qualifier = node.qualifier && ts.isIdentifier(node.qualifier) ? node.qualifier.text : undefined;
      // `typeof import('./x')` names the module whose value a require() returns: no use of its own.
      if (qualifier) use(node.argument.literal.text, [qualifier]);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
      && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      use(node.arguments[0].text, ['*']);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file, exports, uses };
}

export interface ModuleReport {
  /** Each cycle as the files in it, relative to the repository, as one strongly connected group. */
  cycles: string[][];
  /** `path:line name` for each export no other module takes. */
  unusedExports: string[];
}

/** Files whose exports are the program's doors (bundle entry points): used by definition. */
function entryPoints(): Set<string> {
  const entries = new Set<string>();
  for (const config of ['esbuild.mjs', 'scripts/web-build.mjs']) {
    const text = readFileSync(join(root, config), 'utf8');
    for (const match of text.matchAll(/'((?:server|client)\/src\/[^']+\.ts)'/g)) entries.add(join(root, match[1]!));
  }
  return entries;
}

export function readModules(): ModuleReport {
  const modules = new Map(sourceFiles().map((file) => [file, readModule(file)]));

  // Cycles: strongly connected components of the import graph (Tarjan).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const { target } of modules.get(file)!.uses) {
      if (!modules.has(target)) continue;
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      const selfImport = modules.get(file)!.uses.some((u) => u.target === file);
      if (component.length > 1 || selfImport) components.push(component.reverse());
    }
  };
  for (const file of modules.keys()) if (!index.has(file)) connect(file);
  const cycles = components.map((c) => c.map((f) => relative(root, f))).sort((a, b) => a[0]!.localeCompare(b[0]!));

  // Unused exports: what no module imports, following re-exports to their source.
  const used = new Map<string, Set<string>>();
  const mark = (file: string, name: string, seen = new Set<string>()): void => {
    const key = `${file}\0${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const names = used.get(file) ?? new Set<string>();
    used.set(file, names);
    names.add(name);
    const info = modules.get(file);
    if (!info) return;
    // A name this module passes on from another is used there too.
    for (const u of info.uses) {
      if (!u.reexport) continue;
      if (name === '*') for (const n of u.names) mark(u.target, n, seen);
      else if (u.names.has(name) || (u.names.has('*') && !info.exports.has(name))) mark(u.target, name, seen);
    }
  };
  const entries = entryPoints();
  for (const info of modules.values()) {
    for (const u of info.uses) if (!u.reexport) for (const name of u.names) mark(u.target, name);
  }
  // What a door exports (the package's API) is used by whoever loads it.
  for (const entry of entries) if (modules.has(entry)) mark(entry, '*');
  const unusedExports: string[] = [];
  for (const info of modules.values()) {
    if (entries.has(info.file) || !info.file.startsWith(join(root, 'server')) && !info.file.startsWith(join(root, 'client'))) continue;
    // An `x.browser.ts` is used wherever its `x.ts` is: the web build swaps one for the other.
    const twin = info.file.endsWith('.browser.ts') ? info.file.replace(/\.browser\.ts$/, '.ts') : undefined;
    const names = new Set([...(used.get(info.file) ?? []), ...(twin ? used.get(twin) ?? [] : [])]);
    if (names.has('*')) continue;
    for (const [name, line] of info.exports) {
      if (!names.has(name)) unusedExports.push(`${relative(root, info.file)}:${line} ${name}`);
    }
  }
  return { cycles, unusedExports: unusedExports.sort() };
}

if (require.main === module) {
  const { cycles, unusedExports } = readModules();
  process.stdout.on('error', () => process.exit(0)); // `| head`
  console.log(`${cycles.length} import cycle${cycles.length === 1 ? '' : 's'}`);
  for (const cycle of cycles) console.log(`  ${cycle.join(' → ')} → ${cycle[0]}`);
  console.log(`${unusedExports.length} unused export${unusedExports.length === 1 ? '' : 's'}`);
  for (const entry of unusedExports) console.log(`  ${entry}`);
}
