/**
 * Type-checks the ```ts code blocks of README.md, docs/**\/*.md and every package README, so the
 * docs cannot drift from the API.
 *
 * Conventions, for people writing docs:
 * - Every ```ts (or ```typescript) block is checked. A block fenced as
 *   ```ts no-check is skipped: keep that for deliberately partial snippets,
 *   such as an excerpt of an interface.
 * - The blocks of one markdown file form one module, in order. Each block is a
 *   scope nested in the previous one, so a block sees every declaration of the
 *   blocks before it and may also declare a name again (shadowing it).
 * - `import` statements are hoisted to the top of the module and merged, so
 *   every block can import what it uses, as a reader copying it would need.
 *   `declare` statements are hoisted too. An `export` keyword is ignored.
 * - The module is checked with tsconfig.base.json: strict, the
 *   `@rivulet/source` condition (so `@rivulet/*` resolve to their `src/`), and
 *   top-level `await`.
 *
 * Usage: `tsx scripts/check-doc-blocks.ts [--keep]`. The generated modules go
 * to `.doc-blocks/` (gitignored) and are removed afterwards unless `--keep`.
 * Exits 1 listing `file.md:line:column` for each error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, '.doc-blocks');

/** A fenced code block to check: its lines, and where they are in the markdown. */
interface CodeBlock {
  readonly lines: readonly string[];
  /** 1-based line in the markdown file of the block's first code line. */
  readonly firstLine: number;
  /** Spaces the fence was indented by, stripped from every line. */
  readonly indent: number;
  /** A ```tsx block: parsed and checked with JSX. */
  readonly tsx: boolean;
}

/** Where a line of a generated module came from. */
interface Origin {
  readonly line: number;
  readonly indent: number;
}

/** One generated module and its map back to the markdown. */
interface DocModule {
  readonly markdown: string;
  readonly path: string;
  /** Index: 0-based line of the module; value: where it came from, if anywhere. */
  readonly origins: readonly (Origin | undefined)[];
}

function markdownFiles(): string[] {
  const files = existsSync(join(root, 'README.md')) ? ['README.md'] : [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() && path !== 'docs/api') walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
    }
  };
  if (existsSync(join(root, 'docs'))) walk('docs');
  // Every package's README: its example is often the first code a user copies.
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    if (existsSync(join(root, 'packages', dir, 'README.md'))) files.push(`packages/${dir}/README.md`);
  }
  return files;
}

/** The ```ts and ```tsx blocks of a markdown text, without those marked `no-check`. */
function extractBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indentText = '', fence = '```', language = '', rest = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length) break;
      body.push(stripIndent(line, indentText.length));
    }
    const checked = (language === 'ts' || language === 'typescript' || language === 'tsx') && !rest.split(/\s+/).includes('no-check');
    if (checked) blocks.push({ lines: body, firstLine: i + 2, indent: indentText.length, tsx: language === 'tsx' });
    i = j;
  }
  return blocks;
}

function stripIndent(line: string, indent: number): string {
  let n = 0;
  while (n < indent && line[n] === ' ') n++;
  return line.slice(n);
}

/** An import of one name (or a side effect), ready to be written on a line of its own. */
interface HoistedImport {
  readonly key: string;
  readonly text: (typeOnly: boolean) => string;
  typeOnly: boolean;
  readonly origin: Origin;
}

/**
 * Builds the module for one markdown file: hoisted imports and declarations,
 * then each block in a scope nested in the previous one.
 */
function buildModule(blocks: readonly CodeBlock[]): { text: string; origins: (Origin | undefined)[] } {
  const imports = new Map<string, HoistedImport>();
  const hoisted: { text: string; origin: Origin }[] = [];
  const bodies: { lines: string[]; block: CodeBlock }[] = [];

  for (const block of blocks) {
    const source = block.lines.join('\n');
    const file = ts.createSourceFile(block.tsx ? 'block.tsx' : 'block.ts', source, ts.ScriptTarget.Latest, true, block.tsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const chars = source.split('');
    const blank = (start: number, end: number): void => {
      for (let k = start; k < end; k++) if (chars[k] !== '\n') chars[k] = ' ';
    };
    const originAt = (position: number): Origin => ({
      line: block.firstLine + file.getLineAndCharacterOfPosition(position).line,
      indent: block.indent,
    });
    for (const statement of file.statements) {
      const start = statement.getStart(file);
      if (ts.isImportDeclaration(statement)) {
        for (const entry of importEntries(statement, file, originAt)) {
          const known = imports.get(entry.key);
          if (known) known.typeOnly &&= entry.typeOnly;
          else imports.set(entry.key, entry);
        }
        blank(start, statement.end);
      } else if (hasModifier(statement, ts.SyntaxKind.DeclareKeyword)) {
        hoisted.push({ text: source.slice(start, statement.end).replace(/^export\s+/, ''), origin: originAt(start) });
        blank(start, statement.end);
      } else if (ts.isExportDeclaration(statement)) {
        blank(start, statement.end);
      } else if (ts.isExportAssignment(statement)) {
        blank(start, statement.expression.getStart(file));
      } else {
        for (const modifier of ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : []) {
          if (modifier.kind === ts.SyntaxKind.ExportKeyword || modifier.kind === ts.SyntaxKind.DefaultKeyword) {
            blank(modifier.getStart(file), modifier.end);
          }
        }
      }
    }
    bodies.push({ lines: chars.join('').split('\n'), block });
  }

  const lines: string[] = [];
  const origins: (Origin | undefined)[] = [];
  const push = (line: string, origin: Origin | undefined): void => {
    lines.push(line);
    origins.push(origin);
  };
  for (const entry of imports.values()) push(entry.text(entry.typeOnly), entry.origin);
  for (const declaration of hoisted) {
    declaration.text.split('\n').forEach((line, k) => push(line, { ...declaration.origin, line: declaration.origin.line + k }));
  }
  for (const { lines: body, block } of bodies) {
    push('{', undefined);
    body.forEach((line, k) => push(line, { line: block.firstLine + k, indent: block.indent }));
  }
  push('}'.repeat(bodies.length), undefined);
  push('export {};', undefined);
  return { text: lines.join('\n'), origins };
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

/** One entry per imported name, so that imports repeated across blocks merge. */
function importEntries(node: ts.ImportDeclaration, file: ts.SourceFile, originAt: (position: number) => Origin): HoistedImport[] {
  const from = node.moduleSpecifier.getText(file);
  const clause = node.importClause;
  const origin = originAt(node.getStart(file));
  if (!clause) return [{ key: `side-effect ${from}`, text: () => `import ${from};`, typeOnly: false, origin }];
  const entries: HoistedImport[] = [];
  const typeOnlyClause = clause.isTypeOnly;
  if (clause.name) {
    const local = clause.name.text;
    entries.push({ key: `default ${from} ${local}`, text: (t) => `import ${t ? 'type ' : ''}${local} from ${from};`, typeOnly: typeOnlyClause, origin });
  }
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    const local = bindings.name.text;
    entries.push({ key: `namespace ${from} ${local}`, text: (t) => `import ${t ? 'type ' : ''}* as ${local} from ${from};`, typeOnly: typeOnlyClause, origin });
  } else if (bindings) {
    for (const element of bindings.elements) {
      const local = element.name.text;
      const imported = element.propertyName?.getText(file) ?? local;
      const name = imported === local ? local : `${imported} as ${local}`;
      entries.push({
        key: `named ${from} ${name}`,
        text: (t) => `import { ${t ? 'type ' : ''}${name} } from ${from};`,
        typeOnly: typeOnlyClause || element.isTypeOnly,
        origin: originAt(element.getStart(file)),
      });
    }
  }
  return entries;
}

/**
 * Links every workspace package and every third-party package a workspace
 * package depends on into `.doc-blocks/node_modules`, so doc imports resolve
 * the way a user's would.
 */
function linkPackages(): void {
  const modules = join(outDir, 'node_modules');
  const link = (name: string, target: string): void => {
    const path = join(modules, ...name.split('/'));
    if (existsSync(path)) return;
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync(target, path, 'dir');
  };
  const packagesDir = join(root, 'packages');
  const packageDirs = existsSync(packagesDir) ? readdirSync(packagesDir).map((dir) => join(packagesDir, dir)) : [];
  for (const dir of packageDirs) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
    if (name?.startsWith('@rivulet/')) link(name, dir);
  }
  for (const dir of packageDirs) {
    const deps = join(dir, 'node_modules');
    if (!existsSync(deps)) continue;
    for (const entry of readdirSync(deps)) {
      // `@types` too: JSX in tsx blocks needs `@types/react`.
      if (entry.startsWith('.') || entry === '@rivulet') continue;
      const names = entry.startsWith('@') ? readdirSync(join(deps, entry)).map((scoped) => `${entry}/${scoped}`) : [entry];
      for (const name of names) link(name, join(deps, name));
    }
  }
}

function moduleName(markdown: string, tsx: boolean): string {
  return `${markdown.replace(/\.md$/, '').split('/').join('__')}.${tsx ? 'tsx' : 'ts'}`;
}

function main(): number {
  const keep = process.argv.includes('--keep');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  linkPackages();

  const modules: DocModule[] = [];
  let blockCount = 0;
  for (const markdown of markdownFiles()) {
    const blocks = extractBlocks(readFileSync(join(root, markdown), 'utf8'));
    if (blocks.length === 0) continue;
    blockCount += blocks.length;
    const { text, origins } = buildModule(blocks);
    const path = join(outDir, moduleName(markdown, blocks.some((block) => block.tsx)));
    writeFileSync(path, text);
    modules.push({ markdown, path, origins });
  }
  writeFileSync(
    join(outDir, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.base.json', compilerOptions: { noEmit: true, declaration: false, declarationMap: false, sourceMap: false, jsx: 'react-jsx' }, include: ['*.ts', '*.tsx'] }, null, 2),
  );

  const config = ts.getParsedCommandLineOfConfigFile(join(outDir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error('Could not read the generated tsconfig.json');
  const program = ts.createProgram({ rootNames: modules.map((m) => m.path), options: config.options });
  const byPath = new Map(modules.map((m) => [m.path, m]));
  const problems: string[] = [];
  for (const diagnostic of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...ts.getPreEmitDiagnostics(program)]) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
    const module = diagnostic.file ? byPath.get(diagnostic.file.fileName.split('/').join(sep)) : undefined;
    if (diagnostic.file && !module) continue; // a package's own source: its typecheck reports it
    if (!diagnostic.file || !module || diagnostic.start === undefined) {
      problems.push(`error TS${diagnostic.code}: ${message}`);
      continue;
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const origin = module.origins[line];
    const where = origin ? `${module.markdown}:${origin.line}:${character + 1 + origin.indent}` : `${module.markdown} (${relative(root, module.path)}:${line + 1})`;
    problems.push(`${where} - error TS${diagnostic.code}: ${message}`);
  }
  const unique = [...new Set(problems)];

  if (!keep) rmSync(outDir, { recursive: true, force: true });
  if (unique.length > 0) {
    console.error(unique.join('\n'));
    console.error(`\n${unique.length} error(s) in the code blocks of ${modules.length} markdown file(s).${keep ? ` Generated modules: ${relative(root, outDir)}/` : ' Run with --keep to inspect the generated modules.'}`);
    return 1;
  }
  console.log(`Checked ${blockCount} code blocks in ${modules.length} markdown files: no errors.`);
  return 0;
}

process.exitCode = main();
