// What the first screen loads, read from the build the other specs run against: the
// entry script, its modulepreloads and everything they import statically (the module
// list per chunk comes from dist/.vite/chunk-modules.json, written by vite.config.ts).
// zod, the templates, workbox-window and Dexie load after the first screen (issue 18); this
// fails if a static import pulls one of them back in. No browser: it reads files.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { firstRenderFiles } from '../../scripts/bench/first-render';

type Chunk = { file: string; imports: string[]; modules: string[] };

const LATER = [
  { name: 'zod', pattern: /(^|\/)node_modules\/zod\// },
  { name: 'the zod setup', pattern: /^src\/lib\/zod-jitless\.ts$/ },
  { name: 'the templates', pattern: /^src\/templates\/(?!load-templates\.ts$)/ },
  { name: 'workbox-window', pattern: /(^|\/)node_modules\/workbox-window\// },
  { name: 'the domain schemas', pattern: /-schema\.ts$/ },
  { name: 'Dexie', pattern: /(^|\/)node_modules\/dexie(-react-hooks)?\// },
  { name: 'the database module', pattern: /^src\/storage\/db\.ts$/ },
];

function readChunks(): Map<string, Chunk> {
  const list = JSON.parse(readFileSync('dist/.vite/chunk-modules.json', 'utf8')) as Chunk[];
  return new Map(list.map((chunk) => [chunk.file, chunk]));
}

// The modules of these chunks and of every chunk they import statically.
function staticModules(files: string[]): string[] {
  const chunks = readChunks();
  const queue = [...files];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const chunk = chunks.get(file);
    if (!chunk) throw new Error(`${file} is not in dist/.vite/chunk-modules.json`);
    queue.push(...chunk.imports);
  }
  return [...seen].flatMap((file) => chunks.get(file)!.modules);
}

function firstRenderModules(): string[] {
  return staticModules(
    firstRenderFiles('dist')
      .filter((ref) => ref.endsWith('.js'))
      .map((ref) => ref.replace(/^\//, '')),
  );
}

test('the first screen loads no zod, no template, no workbox-window and no Dexie', () => {
  const modules = firstRenderModules();
  // The walk found the app: React and the report list are in it.
  expect(modules).toContain('src/features/drafts/report-list-page.tsx');
  expect(modules.some((id) => id.includes('node_modules/react-dom/'))).toBe(true);
  for (const { name, pattern } of LATER) {
    expect
      .soft(
        modules.filter((id) => pattern.test(id)),
        `${name} in the first render`,
      )
      .toEqual([]);
  }
});

// The modules the one chunk that holds `module` loads with it (its static imports too).
function modulesWith(module: string): string[] {
  const chunks = [...readChunks().values()].filter((chunk) => chunk.modules.includes(module));
  expect(chunks, module).toHaveLength(1);
  return staticModules(chunks.map((chunk) => chunk.file));
}

test('the templates load as plain data, without zod or the template schema', () => {
  const modules = modulesWith('src/templates/template-registry.ts');
  expect(modules).toContain('src/templates/so-ket-5-nam-nq01-bac-lieu.template.json');
  expect(modules.filter((id) => /node_modules\/zod\/|-schema\.ts$/.test(id))).toEqual([]);
});

// The list's store chunk (its first read) checks every stored report with zod/mini; zod's
// classic build (about 25 KB gzip and a long task on a phone) loads only when the outbox
// holds something to check, with the writes, or after the list is on screen.
test("the list's first read loads zod/mini, not zod's classic build", () => {
  const modules = modulesWith('src/features/drafts/list-store.ts');
  expect(modules).toContain('src/storage/stored-report.ts');
  expect(modules.some((id) => id.includes('node_modules/zod/v4/mini/'))).toBe(true);
  expect(
    modules.filter((id) =>
      /node_modules\/zod\/v4\/classic\/|^src\/lib\/zod-jitless\.ts$|-schema\.ts$|^src\/storage\/(report|outbox)-repository\.ts$/.test(
        id,
      ),
    ),
  ).toEqual([]);
});
