// `npm start` / `npm run server`: serves dist/ and the API on PORT (default 4173).
//   npm run server -- add-unit --name "BCH Đoàn huyện Hồng Dân" [--admin]
// prints a new unit's access code once (only its hash is stored).
// Demo mode (on an empty data directory unless DEMO=0): see ./demo.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from './config';
import { prepareDemo } from './demo';
import { startServer } from './start';
import { Store } from './store';

const config = readConfig();
const { version } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
  version: string;
};
const [command, ...rest] = process.argv.slice(2);

if (command === 'add-unit') {
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, admin: { type: 'boolean' } },
  });
  const name = values.name?.normalize('NFC').trim();
  if (!name) {
    console.error('Cách dùng: npm run server -- add-unit --name "Tên đơn vị" [--admin]');
    process.exit(2);
  }
  const store = new Store(config.dataDir);
  const { code } = store.addUnit(name, values.admin === true);
  store.close();
  console.log(
    `Đã tạo ${values.admin ? 'mã quản trị' : 'đơn vị'} “${name}”. Mã truy cập (chỉ hiện một lần):\n${code}`,
  );
  process.exit(0);
}

if (!existsSync(join(config.distDir, 'index.html'))) {
  console.error(
    `No built app in ${config.distDir}: run "npm run build" first (npm start does it for you).`,
  );
  process.exit(1);
}

const store = new Store(config.dataDir);
for (const line of prepareDemo(store, config.dataDir, process.env)) console.log(line);
store.close();

const server = await startServer(config, version);
console.log(
  `so-ket ${version} is serving ${config.distDir} and /api at ${server.url.replace('0.0.0.0', 'localhost')}`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
