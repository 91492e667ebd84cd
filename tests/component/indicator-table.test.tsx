import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorTableValue } from '@/domain/appendix/evaluate';
import { initialAnswers, type Answers } from '@/domain/report/answers';
import { WizardScreen } from '@/features/wizard/wizard-screen';
import { getDatabase } from '@/storage/db';
import { createReport, getAnswers, reportMeta } from '@/storage/report-repository';
import type { StoredReport } from '@/storage/restore';
import { defaultTemplate } from '@/templates/template-registry';

const unit = { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' };

const table = (cells: IndicatorTableValue['cells']): IndicatorTableValue => ({
  cells,
  targets: {},
  notes: {},
  isMarkedComplete: false,
});

let report: StoredReport;
let answers: Answers;

// A report whose stored answers include `extra`, rendered at `stepId`.
async function renderStep(stepId: string, extra: Answers = {}) {
  const db = getDatabase();
  await db.reports.clear();
  await db.answers.clear();
  answers = { ...initialAnswers(defaultTemplate, unit), ...extra };
  report = await createReport(db, {
    id: 'r1',
    name: 'Báo cáo thử',
    unit,
    templateId: defaultTemplate.id,
    templateVersion: defaultTemplate.version,
    answers,
    now: '2013-09-01T08:00:00.000Z',
  });
  return render(
    <WizardScreen
      template={defaultTemplate}
      report={reportMeta(report)}
      answers={answers}
      hasDamagedAnswers={false}
      stepId={stepId}
      focusFieldId={null}
      links={{ list: '#/', step: (id) => `#/r/r1/${id}`, review: '#/r/r1/xem-lai' }}
      reviewTitle="Xem lại"
      review={<p>review slot</p>}
    />,
  );
}

async function storedTable(criterionId: string) {
  return (await getAnswers(getDatabase(), 'r1')).answers[criterionId];
}

const cell = (label: string, year: string | null) =>
  screen.getByLabelText(
    year === null ? `${label} – chỉ tiêu Nghị quyết` : `${label} – năm ${year}`,
  );
// A custom row's cells take its name once the typed name has reached the table.
const findCell = (label: string, year: string) => screen.findByLabelText(`${label} – năm ${year}`);

beforeEach(async () => {
  const db = getDatabase();
  await db.reports.clear();
  await db.answers.clear();
});

describe('an indicator table', () => {
  it('computes a rate from the typed values as they are typed', async () => {
    const user = userEvent.setup();
    await renderStep('appendix-youth');
    const rate = cell('Tỷ lệ tập hợp thanh niên', '2009');
    expect(rate).toHaveTextContent('—');
    await user.type(cell('Thanh niên từ 16 đến 30 tuổi trên địa bàn', '2009'), '1.000');
    await user.type(cell('Tổng số thanh niên được tập hợp', '2009'), '600');
    // Issue 12: percentages always show one decimal.
    expect(rate).toHaveTextContent('60,0%');
    expect(cell('Tỷ lệ tập hợp thanh niên', '2010')).toHaveTextContent('—');
    await user.tab();
    expect(cell('Thanh niên từ 16 đến 30 tuổi trên địa bàn', '2009')).toHaveValue('1.000');
    await waitFor(async () =>
      expect(await storedTable('youth-table')).toEqual(
        table({ 'youth-total': { '2009': 1000 }, 'youth-gathered': { '2009': 600 } }),
      ),
    );
  });

  it('shows a rate with a decimal comma and the status against a typed target', async () => {
    const user = userEvent.setup();
    // Issue 12: the target is for 2013 by default, so the status is that year's.
    await renderStep('appendix-youth', {
      'youth-table': table({ 'youth-total': { '2013': 800 } }),
    });
    await user.type(cell('Tổng số thanh niên được tập hợp', '2013'), '500');
    expect(cell('Tỷ lệ tập hợp thanh niên', '2013')).toHaveTextContent('62,5%');
    await user.type(cell('Tỷ lệ tập hợp thanh niên', null), '60');
    const row = screen.getByRole('row', { name: /^Tỷ lệ tập hợp thanh niên/ });
    expect(within(row).getByText('Vượt')).toBeInTheDocument();
  });

  it('takes a pasted block of numbers, keeps a bad cell unchanged and names it', async () => {
    const user = userEvent.setup();
    await renderStep('appendix-union-ratings', {
      'union-ratings-table': table({ 'ur-good': { '2011': 5 }, 'ur-weak': { '2009': 120 } }),
    });
    const first = cell('Số cơ sở Đoàn được xếp loại', '2009');
    await user.click(first);
    await user.paste(
      [
        '1.020\t1,050\t1 100\t1100\t1.150',
        '400\t410\t450\t430\t500',
        '300\t320\tabc\t350\t360',
        '200\t220\t250\t270\t250',
      ].join('\r\n') + '\r\n',
    );

    expect(
      screen.getByText(
        'Đã dán 19 ô. Không đọc được thành số, chưa thay đổi: Khá – năm 2011 (“abc”).',
      ),
    ).toBeInTheDocument();
    expect(first).toHaveValue('1.020');
    expect(cell('Số cơ sở Đoàn được xếp loại', '2010')).toHaveValue('1.050');
    expect(cell('Số cơ sở Đoàn được xếp loại', '2011')).toHaveValue('1.100');
    expect(cell('Vững mạnh', '2013')).toHaveValue('500');
    expect(cell('Trung bình', '2012')).toHaveValue('270');
    const bad = cell('Khá', '2011');
    expect(bad).toHaveValue('5');
    expect(bad).toHaveAttribute('aria-invalid', 'true');
    expect(cell('Khá', '2010')).not.toHaveAttribute('aria-invalid');
    expect(cell('Yếu', '2009')).toHaveValue('120');
    expect(cell('Yếu', '2010')).toHaveValue('');
    expect(cell('Tỷ lệ vững mạnh và khá', '2009')).toHaveTextContent('68,6%');

    await user.tab();
    await waitFor(async () =>
      expect(await storedTable('union-ratings-table')).toEqual(
        table({
          'ur-rated': { '2009': 1020, '2010': 1050, '2011': 1100, '2012': 1100, '2013': 1150 },
          'ur-strong': { '2009': 400, '2010': 410, '2011': 450, '2012': 430, '2013': 500 },
          'ur-good': { '2009': 300, '2010': 320, '2011': 5, '2012': 350, '2013': 360 },
          'ur-average': { '2009': 200, '2010': 220, '2011': 250, '2012': 270, '2013': 250 },
          'ur-weak': { '2009': 120 },
        }),
      ),
    );
  });

  it('says how many pasted cells fall outside the table', async () => {
    const user = userEvent.setup();
    await renderStep('appendix-union-ratings');
    await user.click(cell('Yếu', '2012'));
    await user.paste('1\t2\t3\n4\t5\t6');
    expect(screen.getByText('Đã dán 2 ô. 4 ô nằm ngoài bảng, đã bỏ qua.')).toBeInTheDocument();
    expect(cell('Yếu', '2012')).toHaveValue('1');
    expect(cell('Yếu', '2013')).toHaveValue('2');
  });

  it('refuses to be marked complete while an error remains, and accepts it once fixed', async () => {
    const user = userEvent.setup();
    await renderStep('appendix-union-ratings', {
      'union-ratings-table': table({
        'ur-rated': { '2011': 50, '2012': 50 },
        'ur-strong': { '2011': 30, '2012': 'năm mươi' },
        'ur-good': { '2011': 30 },
      }),
    });
    // Issue 12: the share of classes above 100% is no longer an error of its own: the
    // classes above the number rated are (it was three errors, one of them the rate).
    const errors = screen.getByRole('region', { name: 'Lỗi cần sửa (2)' });
    expect(
      within(errors)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Vững mạnh, năm 2012: không đọc được thành số.',
      'Số cơ sở Đoàn được xếp loại, năm 2011: tổng Vững mạnh + Khá + Trung bình + Yếu là 60, lớn hơn 50.',
    ]);
    expect(cell('Vững mạnh', '2012')).toHaveAttribute('aria-invalid', 'true');
    expect(cell('Vững mạnh', '2011')).not.toHaveAttribute('aria-invalid');

    await user.click(screen.getByRole('button', { name: 'Đánh dấu đã xong' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Chưa thể đánh dấu đã xong: còn 2 lỗi cần sửa.',
    );

    const strong2012 = cell('Vững mạnh', '2012');
    await user.clear(strong2012);
    await user.type(strong2012, '25');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Đánh dấu đã xong' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Chưa thể đánh dấu đã xong: còn 1 lỗi cần sửa.',
    );

    const good2011 = cell('Khá', '2011');
    await user.clear(good2011);
    await user.type(good2011, '20');
    expect(screen.queryByRole('region', { name: /^Lỗi cần sửa/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Đánh dấu đã xong' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Bảng này đã được đánh dấu xong.')).toBeInTheDocument();
    await waitFor(async () =>
      expect(await storedTable('union-ratings-table')).toMatchObject({
        cells: { 'ur-strong': { '2011': 30, '2012': 25 }, 'ur-good': { '2011': 20 } },
        isMarkedComplete: true,
      }),
    );
  });

  it('stores the note that explains a warning under the warning key', async () => {
    const user = userEvent.setup();
    await renderStep('appendix-youth', {
      'youth-table': table({ 'youth-total': { '2009': 1000, '2010': 2000 } }),
    });
    const warnings = screen.getByRole('region', { name: 'Cần xem lại (1)' });
    expect(warnings).toHaveTextContent(
      'Thanh niên từ 16 đến 30 tuổi trên địa bàn, năm 2010: tăng 100% so với năm 2009 (1.000 → 2.000).',
    );
    await user.type(
      within(warnings).getByLabelText('Giải trình (không bắt buộc)'),
      'Sáp nhập thêm hai xã.',
    );
    await user.tab();
    await waitFor(async () =>
      expect(await storedTable('youth-table')).toEqual({
        ...table({ 'youth-total': { '2009': 1000, '2010': 2000 } }),
        notes: { 'bigChange:youth-total:2010': 'Sáp nhập thêm hai xã.' },
      }),
    );
    // A warning never blocks the mark.
    await user.click(screen.getByRole('button', { name: 'Đánh dấu đã xong' }));
    expect(screen.getByText('Bảng này đã được đánh dấu xong.')).toBeInTheDocument();
  });
});

describe('the unit’s own rows (Chỉ tiêu khác)', () => {
  const customs = async () =>
    ((await storedTable('members-table')) as IndicatorTableValue | undefined)?.custom ?? [];

  it('adds rows, types their figures, computes a rate of two of them, reorders and deletes them', async () => {
    const user = userEvent.setup();
    await renderStep('appendix-members', {
      'members-table': table({ 'mem-total': { '2013': 4000 } }),
    });
    const section = screen.getByRole('region', { name: 'Chỉ tiêu khác' });
    expect(within(section).getByText('Chưa có chỉ tiêu khác.')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Thêm chỉ tiêu khác' }));
    // A row without its name is an error that names what is missing.
    // Focus moves to the new row's name once it has rendered.
    await waitFor(() =>
      expect(
        within(section).getByRole('textbox', { name: 'Tên chỉ tiêu (bắt buộc)' }),
      ).toHaveFocus(),
    );
    expect(within(section).getByText(/chưa nhập tên chỉ tiêu/)).toBeInTheDocument();
    await user.keyboard('Đoàn viên tham gia hiến máu');
    await user.type(await findCell('Đoàn viên tham gia hiến máu', '2013'), '1.250');

    await user.click(within(section).getByRole('button', { name: 'Thêm chỉ tiêu khác' }));
    const cards = () => within(section).getAllByRole('listitem');
    await waitFor(() =>
      expect(
        within(cards()[1]!).getByRole('textbox', { name: 'Tên chỉ tiêu (bắt buộc)' }),
      ).toHaveFocus(),
    );
    await user.keyboard('Tỷ lệ đoàn viên hiến máu');
    const second = cards()[1]!;
    await user.selectOptions(within(second).getByLabelText('Loại'), 'rate');
    expect(within(section).getByText(/hãy chọn hai dòng để tính tỷ lệ/)).toBeInTheDocument();
    await user.selectOptions(
      within(second).getByLabelText('Tử số (dòng)'),
      'Đoàn viên tham gia hiến máu',
    );
    await user.selectOptions(within(second).getByLabelText('Mẫu số (dòng)'), 'Tổng số đoàn viên');
    await user.selectOptions(within(second).getByLabelText('Chỉ tiêu Nghị quyết'), 'atLeast');
    expect(await findCell('Tỷ lệ đoàn viên hiến máu', '2013')).toHaveTextContent('31,3%');
    await user.type(cell('Tỷ lệ đoàn viên hiến máu', null), '30');
    const rateRow = screen.getByRole('row', { name: /^Tỷ lệ đoàn viên hiến máu/ });
    expect(within(rateRow).getByText('Vượt')).toBeInTheDocument();

    // The custom rows come after the table's own, in the order of the list.
    const rowNames = () =>
      screen
        .getAllByRole('rowheader')
        .map((header) => header.textContent ?? '')
        .slice(-2);
    expect(rowNames()).toEqual([
      'Đoàn viên tham gia hiến máu · chỉ tiêu khác',
      'Tỷ lệ đoàn viên hiến máu (%) · Tự tính · chỉ tiêu khác',
    ]);
    await user.click(
      within(section).getByRole('button', { name: 'Chuyển lên: Tỷ lệ đoàn viên hiến máu' }),
    );
    expect(rowNames()).toEqual([
      'Tỷ lệ đoàn viên hiến máu (%) · Tự tính · chỉ tiêu khác',
      'Đoàn viên tham gia hiến máu · chỉ tiêu khác',
    ]);
    await user.tab();
    await waitFor(async () =>
      expect(await customs()).toEqual([
        {
          id: expect.stringMatching(/^custom-/),
          label: 'Tỷ lệ đoàn viên hiến máu',
          kind: 'rate',
          numerator: expect.stringMatching(/^custom-/),
          denominator: 'mem-total',
          target: 'atLeast',
        },
        {
          id: expect.stringMatching(/^custom-/),
          label: 'Đoàn viên tham gia hiến máu',
          kind: 'count',
        },
      ]),
    );
    const [rate, count] = await customs();
    expect(rate!.numerator).toBe(count!.id);
    const stored = (await storedTable('members-table')) as IndicatorTableValue;
    expect(stored.cells[count!.id]).toEqual({ '2013': 1250 });
    expect(stored.targets[rate!.id]).toBe(30);

    // Deleting the count takes its figures and leaves the rate asking for its rows.
    await user.click(
      within(section).getByRole('button', { name: 'Xóa: Đoàn viên tham gia hiến máu' }),
    );
    expect(cards()).toHaveLength(1);
    expect(within(section).getByText(/hãy chọn hai dòng để tính tỷ lệ/)).toBeInTheDocument();
    await user.tab();
    await waitFor(async () => {
      const after = (await storedTable('members-table')) as IndicatorTableValue;
      expect(after.custom).toEqual([{ ...rate!, numerator: undefined }]);
      expect(after.cells[count!.id]).toBeUndefined();
    });
  }, 60_000);

  it('takes a pasted block into its count rows like the table’s own', async () => {
    const user = userEvent.setup();
    await renderStep('appendix-party', {
      'party-table': {
        ...table({}),
        custom: [{ id: 'custom-a', label: 'Đảng viên là cán bộ Đoàn', kind: 'count' }],
      },
    });
    await user.click(cell('Đảng viên là cán bộ Đoàn', '2011'));
    await user.paste('1.020\t12,5\tba');
    expect(
      screen.getByText(
        'Đã dán 2 ô. Không đọc được thành số, chưa thay đổi: Đảng viên là cán bộ Đoàn – năm 2013 (“ba”).',
      ),
    ).toBeInTheDocument();
    expect(cell('Đảng viên là cán bộ Đoàn', '2011')).toHaveValue('1.020');
    expect(cell('Đảng viên là cán bộ Đoàn', '2013')).toHaveAttribute('aria-invalid', 'true');
    // A count is a whole number, as in the table's own rows.
    expect(screen.getByRole('region', { name: 'Lỗi cần sửa (1)' })).toHaveTextContent(
      'Đảng viên là cán bộ Đoàn, năm 2012: phải là số nguyên (đang là 12,5).',
    );
  });

  it('shows a target’s progress before its year and says the last year is partial', async () => {
    await renderStep('appendix-youth', {
      'document-date': { day: '5', month: '9', year: '2013' },
      'youth-table': table({
        'youth-total': { '2012': 1000 },
        'youth-gathered': { '2012': 623 },
        'youth-gathered-rate': {},
      }),
    });
    expect(screen.getByRole('columnheader', { name: '2013 (đến tháng 8)' })).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /^Tỷ lệ tập hợp thanh niên/ });
    expect(within(row).queryByText(/Năm 2012/)).not.toBeInTheDocument();
    await userEvent.setup().type(cell('Tỷ lệ tập hợp thanh niên', null), '70');
    expect(within(row).getByText('Năm 2012: đạt 89,0% chỉ tiêu')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Cần xem lại/ })).not.toBeInTheDocument();
  });
});
