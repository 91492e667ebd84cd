import { Blob as NodeBlob } from 'node:buffer';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroupItem } from '@/domain/report/answer-kinds';
import { initialAnswers, type Answers } from '@/domain/report/answers';
import { PhotoPipelineContext, type PhotoPipeline } from '@/features/wizard/photo-pipeline-context';
import { UNDO_WINDOW_MS } from '@/features/wizard/use-undoable-removal';
import { WizardScreen } from '@/features/wizard/wizard-screen';
import { getDatabase } from '@/storage/db';
import { addPhoto, getPhoto } from '@/storage/photo-repository';
import { createReport, getAnswers, reportMeta, saveAnswers } from '@/storage/report-repository';
import type { StoredReport } from '@/storage/restore';
import { defaultTemplate } from '@/templates/template-registry';

// jsdom's Blob does not survive IndexedDB's structured clone; Node's does, as in a browser.
globalThis.Blob = NodeBlob as unknown as typeof Blob;
// jsdom has no object URLs.
URL.createObjectURL = () => 'blob:thumbnail';
URL.revokeObjectURL = () => undefined;

let report: StoredReport;
let answers: Answers;

const MODELS_TITLE = 'Báo cáo tổng hợp các mô hình hay, cách làm hiệu quả';

beforeEach(async () => {
  const db = getDatabase();
  await db.reports.clear();
  await db.answers.clear();
  await db.photos.clear();
  const unit = { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' };
  answers = initialAnswers(defaultTemplate, unit);
  report = await createReport(db, {
    id: 'r1',
    name: 'Báo cáo thử',
    unit,
    templateId: defaultTemplate.id,
    templateVersion: defaultTemplate.version,
    answers,
    now: '2013-09-01T08:00:00.000Z',
  });
});

afterEach(() => {
  vi.useRealTimers();
});

const workingPipeline: PhotoPipeline = {
  processPhoto: async () => ({
    blob: new Blob([new Uint8Array([0xff, 0xd8, 1, 2, 3])], { type: 'image/jpeg' }),
    thumb: new Blob([new Uint8Array([0xff, 0xd8, 4])], { type: 'image/jpeg' }),
    width: 1600,
    height: 1200,
  }),
};

function renderModels(pipeline: () => Promise<PhotoPipeline> = async () => workingPipeline) {
  return render(
    <PhotoPipelineContext.Provider value={pipeline}>
      <WizardScreen
        template={defaultTemplate}
        report={reportMeta(report)}
        answers={answers}
        hasDamagedAnswers={false}
        stepId="models"
        focusFieldId={null}
        links={{ list: '#/', step: (id) => `#/r/r1/${id}`, review: '#/r/r1/xem-lai' }}
        reviewTitle="Xem lại"
        review={null}
      />
    </PhotoPipelineContext.Provider>,
  );
}

async function storedModels(): Promise<GroupItem[] | undefined> {
  return (await getAnswers(getDatabase(), 'r1')).answers.models as GroupItem[] | undefined;
}

function storedNames(items: GroupItem[] | undefined) {
  return items?.map((item) => item.values.name);
}

// The card of an entry, by the name on its fold-out button ("1. Nuôi bò").
function entry(name: RegExp | string) {
  const toggle = screen.getByRole('button', { name });
  return toggle.closest('li')!;
}

async function addModel(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('button', { name: 'Thêm mô hình' }));
  const input = document.activeElement as HTMLInputElement;
  expect(input).toHaveAccessibleName(/^Tên mô hình, cách làm/);
  if (name) await user.paste(name);
  return input;
}

// Whole journeys through a step; slow on a busy machine, never timed.
const JOURNEY = { timeout: 30_000 };

describe('a repeatable group', JOURNEY, () => {
  it('adds entries that open with their first field focused, and saves them as one answer', async () => {
    const user = userEvent.setup();
    renderModels();
    expect(screen.getByRole('heading', { name: MODELS_TITLE })).toBeInTheDocument();
    expect(screen.getByText('Chưa có mô hình nào.')).toBeInTheDocument();

    const first = await addModel(user, 'Nuôi bò sinh sản');
    expect(first).toHaveAttribute('id', 'field-models-0-name');
    expect(screen.getByRole('button', { name: '1. Nuôi bò sinh sản' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await user.click(screen.getByLabelText('Đơn vị, người thực hiện'));
    await user.paste('Chi đoàn ấp 3');
    const second = await addModel(user, 'Thắp sáng đường quê');
    expect(second).toHaveAttribute('id', 'field-models-1-name');
    await user.click(
      within(entry('2. Thắp sáng đường quê')).getByRole('radio', { name: /II\.2\.2\. Đoàn viên/ }),
    );

    await waitFor(async () => {
      const models = await storedModels();
      expect(storedNames(models)).toEqual(['Nuôi bò sinh sản', 'Thắp sáng đường quê']);
      expect(models?.[0]?.values['run-by']).toBe('Chi đoàn ấp 3');
      expect(models?.[1]?.values.serves).toBe('ii-2-2');
      expect(new Set(models?.map((item) => item.id)).size).toBe(2);
    });

    // Folding an entry hides its fields but keeps its title and buttons.
    const toggle = screen.getByRole('button', { name: '1. Nuôi bò sinh sản' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByDisplayValue('Chi đoàn ấp 3')).not.toBeVisible();
    await user.click(toggle);
    expect(screen.getByDisplayValue('Chi đoàn ấp 3')).toBeVisible();
  });

  it('moves entries up and down and keeps focus on the moved entry', async () => {
    const user = userEvent.setup();
    renderModels();
    await addModel(user, 'A');
    await addModel(user, 'B');
    await addModel(user, 'C');

    await user.click(screen.getByRole('button', { name: 'Đưa mô hình 3 “C” lên' }));
    expect(screen.getByRole('button', { name: 'Đưa mô hình 2 “C” lên' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Đưa mô hình 2 “C” lên' }));
    // At the top "up" is disabled, so focus moves to its twin.
    expect(screen.getByRole('button', { name: 'Đưa mô hình 1 “C” lên' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Đưa mô hình 1 “C” xuống' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Đưa mô hình 2 “A” xuống' }));

    await waitFor(async () => expect(storedNames(await storedModels())).toEqual(['C', 'B', 'A']));
    expect(document.getElementById('field-models-0-name')).toHaveValue('C');
  });

  it('deletes an entry at once and puts it back in its place on undo', async () => {
    const user = userEvent.setup();
    renderModels();
    await addModel(user, 'A');
    await addModel(user, 'B');
    await addModel(user, 'C');
    await waitFor(async () => expect(storedNames(await storedModels())).toEqual(['A', 'B', 'C']));

    await user.click(screen.getByRole('button', { name: 'Xóa mô hình 2 “B”' }));
    expect(screen.queryByRole('button', { name: '2. B' })).not.toBeInTheDocument();
    const bar = screen.getAllByRole('status').find((s) => s.textContent?.includes('Đã xóa'))!;
    expect(bar).toHaveTextContent('Đã xóa mô hình “B”.');
    expect(screen.getByRole('button', { name: 'Thêm mô hình' })).toHaveFocus();
    await waitFor(async () => expect(storedNames(await storedModels())).toEqual(['A', 'C']));

    await user.click(within(bar).getByRole('button', { name: 'Hoàn tác' }));
    expect(bar).toBeEmptyDOMElement();
    expect(screen.getByRole('button', { name: '2. B' })).toHaveFocus();
    await waitFor(async () => expect(storedNames(await storedModels())).toEqual(['A', 'B', 'C']));
  });

  it('deletes the photos of a removed entry once the undo window has passed', async () => {
    const db = getDatabase();
    const now = new Date().toISOString();
    const photo = { blob: new Blob(['x']), thumb: new Blob(['t']), width: 10, height: 10, now };
    await addPhoto(db, { id: 'p-keep', reportId: 'r1', ...photo });
    await addPhoto(db, { id: 'p-gone', reportId: 'r1', ...photo });
    const models: GroupItem[] = [
      { id: 'm1', values: { name: 'Giữ lại', photos: [{ photoId: 'p-keep', caption: '' }] } },
      { id: 'm2', values: { name: 'Bỏ đi', photos: [{ photoId: 'p-gone', caption: 'Ảnh' }] } },
    ];
    await saveAnswers(db, 'r1', new Map([['models', models]]), now);
    answers = { ...answers, models };

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderModels();
    await user.click(screen.getByRole('button', { name: 'Xóa mô hình 2 “Bỏ đi”' }));
    await user.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    await user.click(screen.getByRole('button', { name: 'Xóa mô hình 2 “Bỏ đi”' }));
    await act(async () => {
      vi.advanceTimersByTime(UNDO_WINDOW_MS - 1000);
    });
    expect(await getPhoto(db, 'p-gone')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Hoàn tác' })).toBeInTheDocument();
    await act(async () => {
      vi.advanceTimersByTime(1500);
    });
    expect(screen.queryByRole('button', { name: 'Hoàn tác' })).not.toBeInTheDocument();
    await waitFor(async () => expect(await getPhoto(db, 'p-gone')).toBeUndefined());
    expect(await getPhoto(db, 'p-keep')).toBeDefined();
    expect(storedNames(await storedModels())).toEqual(['Giữ lại']);
  });

  it('says when a name is too long at once, and when it is missing once left', async () => {
    const user = userEvent.setup();
    renderModels();
    const name = await addModel(user, '');
    await user.click(screen.getByLabelText('Đơn vị, người thực hiện'));
    expect(await screen.findByText('Mục này bắt buộc, vui lòng nhập.')).toBeVisible();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: /^1\. Mô hình 1\s*– Còn lỗi$/ })).toBeInTheDocument();

    await user.click(name);
    await user.paste('x'.repeat(201));
    expect(
      await screen.findByText('Quá dài: 201/200 ký tự. Nội dung vẫn được giữ, hãy rút gọn.'),
    ).toBeVisible();
    expect(screen.getByText('Có mục còn lỗi cần sửa (xem các mục được đánh dấu).')).toBeVisible();
    await user.clear(name);
    await user.type(name, 'Nuôi bò');
    expect(screen.queryByText(/Quá dài/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Có mục còn lỗi/)).not.toBeInTheDocument();
  });
});

describe('an image list', JOURNEY, () => {
  async function pick(user: ReturnType<typeof userEvent.setup>, files: File[]) {
    await addModel(user, 'Nuôi bò');
    await user.upload(screen.getByLabelText('Chọn ảnh'), files);
  }

  const png = (name: string) =>
    new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' });

  it('stores picked photos, shows their thumbnails and saves captions', async () => {
    const user = userEvent.setup();
    renderModels();
    await pick(user, [png('a.png'), png('b.png')]);
    expect(await screen.findByText('Đã thêm 2 ảnh.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('img', { name: /^Ảnh [12]$/ })).toHaveLength(2));
    await user.type(screen.getByLabelText('Chú thích ảnh 2'), 'Trao bò giống');
    await user.click(screen.getByRole('button', { name: 'Đưa ảnh 2 sang trái' }));
    expect(screen.getByRole('button', { name: 'Đưa ảnh 1 sang phải' })).toHaveFocus();
    await user.tab();
    await waitFor(async () => {
      const photos = (await storedModels())?.[0]?.values.photos as { caption: string }[];
      expect(photos.map((p) => p.caption)).toEqual(['Trao bò giống', '']);
    });
    const photos = (await storedModels())![0]!.values.photos as { photoId: string }[];
    for (const { photoId } of photos) expect(await getPhoto(getDatabase(), photoId)).toBeDefined();
  });

  it('refuses photos beyond the limit', async () => {
    const user = userEvent.setup();
    renderModels();
    await pick(
      user,
      Array.from({ length: 8 }, (_, i) => png(`${i}.png`)),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Mục này có tối đa 6 ảnh: đã bỏ qua 2 ảnh.',
    );
    await waitFor(() => expect(screen.getAllByRole('img', { name: /^Ảnh \d$/ })).toHaveLength(6));
    expect(screen.getByLabelText('Chọn ảnh')).toBeDisabled();
  });

  it('says so when the image pipeline cannot be loaded, and adds nothing', async () => {
    const user = userEvent.setup();
    renderModels(() => Promise.reject(new Error('chunk failed')));
    await pick(user, [png('a.png')]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Chưa tải được phần xử lý ảnh của ứng dụng (có thể do mất mạng). Hãy kiểm tra kết nối rồi thử lại.',
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(await getDatabase().photos.count()).toBe(0);
  });

  it('names a file the browser cannot decode and keeps the others', async () => {
    const user = userEvent.setup();
    const pipeline: PhotoPipeline = {
      processPhoto: async (file) => {
        if ((file as File).name.endsWith('.heic'))
          throw Object.assign(new Error('undecodable'), { problem: 'undecodable' });
        return workingPipeline.processPhoto(file);
      },
    };
    renderModels(async () => pipeline);
    await pick(user, [png('IMG_1.heic'), png('b.png')]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Không đọc được tệp “IMG_1.heic”: trình duyệt không mở được định dạng ảnh này. Hãy chọn ảnh JPEG hoặc PNG.',
    );
    expect(await screen.findAllByRole('img', { name: /^Ảnh \d$/ })).toHaveLength(1);
  });

  it('adds nothing when storage is almost full', async () => {
    const user = userEvent.setup();
    const estimate = vi.fn(async () => ({ quota: 100 * 1024 * 1024, usage: 98 * 1024 * 1024 }));
    Object.defineProperty(navigator, 'storage', { value: { estimate }, configurable: true });
    try {
      renderModels();
      await pick(user, [png('a.png')]);
      expect(await screen.findByRole('alert')).toHaveTextContent(
        /Bộ nhớ của máy chỉ còn dưới 5 MB nên chưa thêm ảnh\. Những gì đã lưu không bị mất/,
      );
      expect(await getDatabase().photos.count()).toBe(0);
    } finally {
      Reflect.deleteProperty(navigator, 'storage');
    }
  });

  it('shows a placeholder for a photo that is no longer stored', async () => {
    const models: GroupItem[] = [
      { id: 'm1', values: { name: 'Mất ảnh', photos: [{ photoId: 'gone', caption: 'x' }] } },
    ];
    answers = { ...answers, models };
    renderModels();
    expect(await screen.findByText('Ảnh không còn trên máy')).toBeInTheDocument();
    expect(screen.getByLabelText('Chú thích ảnh 1')).toHaveValue('x');
  });
});
