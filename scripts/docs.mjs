// Builds the API reference with typedoc. Entry points come from each
// package's exports map (its `@rivulet/source` condition), so a new subpath
// export is documented without touching this script.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Application } from 'typedoc';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');

const entryPoints = [];
for (const dir of readdirSync(packagesDir).sort()) {
  const manifestPath = join(packagesDir, dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const target of Object.values(manifest.exports ?? {})) {
    const source = typeof target === 'object' ? target['@rivulet/source'] : undefined;
    if (source) entryPoints.push(join(packagesDir, dir, source));
  }
}

const app = await Application.bootstrap({
  entryPoints,
  tsconfig: join(root, 'tsconfig.docs.json'),
  out: join(root, 'docs/api'),
  name: 'Rivulet',
  readme: join(root, 'README.md'),
  excludePrivate: true,
  disableSources: true,
  excludeInternal: true,
  treatWarningsAsErrors: false,
  validation: { notExported: false, invalidLink: true, notDocumented: true },
});
const project = await app.convert();
if (!project) {
  console.error('typedoc could not convert the project');
  process.exit(1);
}
await app.generateDocs(project, app.options.getValue('out'));
console.log(`API reference for ${entryPoints.length} entry points written to docs/api/`);
