// Demo mode: `npm start` on an empty data directory creates a demo unit and a demo admin
// so a newcomer can try submitting. It says "CHẾ ĐỘ THỬ" at every start, prints the
// codes only on the start that made them, and keeps them in DATA_DIR/demo-codes.json
// readable by the owner alone (0600). With DEMO=0 no demo account is made and no code
// is printed: the real admin's code comes from `npm run server -- add-unit --admin`.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './store';

export function demoFilePath(dataDir: string): string {
  return join(dataDir, 'demo-codes.json');
}

// What to print at start, having made the demo accounts if this is the first demo start.
export function prepareDemo(store: Store, dataDir: string, env: NodeJS.ProcessEnv): string[] {
  const file = demoFilePath(dataDir);
  const demo = env.DEMO !== '0';
  if (demo && store.countUnits() === 0) {
    const unit = store.addUnit('Huyện Đoàn Hồng Dân (thử nghiệm)', false).code;
    const admin = store.addUnit('Ban Tổ chức Tỉnh Đoàn (thử nghiệm)', true).code;
    writeFileSync(file, `${JSON.stringify({ unit, admin }, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return [
      '!!! CHẾ ĐỘ THỬ (demo): tài khoản thử, KHÔNG dùng cho báo cáo thật !!!',
      `Mã đơn vị thử: ${unit}`,
      `Mã quản trị thử: ${admin}`,
      `Các mã chỉ in lần này; đã lưu trong ${file} (chỉ chủ máy đọc được).`,
      'Chạy thật: DEMO=0 trên thư mục dữ liệu mới, rồi npm run server -- add-unit --name "…" --admin',
    ];
  }
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return [
      '!!! CHẾ ĐỘ THỬ (demo): máy chủ đang chạy với tài khoản thử !!!',
      `Mã thử nằm trong ${file}.`,
    ];
  }
  if (store.countUnits() === 0) {
    return ['Chưa có đơn vị nào. Tạo mã quản trị: npm run server -- add-unit --name "…" --admin'];
  }
  return [];
}
