// Builds the API reference with typedoc. Entry points come from each
// package's exports map (its `@rivulet/source` condition), so a new subpath
// export is documented without touching this script.
//
// Every exported name must carry a doc comment: each package is validated on
// its own first (typedoc's check is only reliable per package), and the
// script fails when one is missing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Application } from 'typedoc';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');

/** The `@rivulet/source` entry points of each package, by package folder, and whether it is published. */
function entryPointsByPackage() {
  const result = new Map();
  for (const dir of readdirSync(packagesDir).sort()) {
    const manifestPath = join(packagesDir, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const sources = Object.values(manifest.exports ?? {})
      .map((target) => (typeof target === 'object' ? target['@rivulet/source'] : undefined))
      .filter(Boolean)
      .map((source) => join(packagesDir, dir, source));
    if (sources.length > 0) result.set(dir, { sources, published: manifest.private !== true });
  }
  return result;
}

const common = {
  tsconfig: join(root, 'tsconfig.docs.json'),
  excludePrivate: true,
  excludeInternal: true,
  disableSources: true,
  // Top-level exports must be documented; members are encouraged, not enforced.
  requiredToBeDocumented: ['Class', 'Function', 'Interface', 'TypeAlias', 'Variable', 'Enum', 'Namespace'],
  // Links are not validated: inherited RxJS members carry {@link}s to RxJS names typedoc cannot resolve.
  validation: { notExported: false, invalidLink: false, notDocumented: true },
};

let undocumented = false;
const byPackage = entryPointsByPackage();
// Every package's doc comments are checked, the private test kit's too; the site shows published packages only.
for (const [dir, { sources: entryPoints }] of byPackage) {
  const app = await Application.bootstrap({ ...common, entryPoints, readme: 'none', logLevel: 'Warn' });
  const project = await app.convert();
  if (!project) throw new Error(`typedoc could not convert packages/${dir}`);
  app.validate(project);
  if (app.logger.hasWarnings() || app.logger.hasErrors()) undocumented = true;
}

const app = await Application.bootstrap({
  ...common,
  entryPoints: [...byPackage.values()].filter((entry) => entry.published).flatMap((entry) => entry.sources),
  out: join(root, 'docs/api'),
  name: 'Rivulet',
  readme: join(root, 'docs/guides/getting-started.md'),
  validation: { notExported: false, invalidLink: false, notDocumented: false },
});
const project = await app.convert();
if (!project) throw new Error('typedoc could not convert the project');
await app.generateDocs(project, app.options.getValue('out'));
console.log(`API reference for ${[...byPackage.values()].flat().length} entry points written to docs/api/`);
if (undocumented) {
  console.error('Every exported name needs a doc comment (see the warnings above).');
  process.exit(1);
}
