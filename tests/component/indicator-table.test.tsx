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
    expect(rate).toHaveTextContent('60%');
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
    await renderStep('appendix-youth', {
      'youth-table': table({ 'youth-total': { '2012': 800 } }),
    });
    await user.type(cell('Tổng số thanh niên được tập hợp', '2012'), '500');
    expect(cell('Tỷ lệ tập hợp thanh niên', '2012')).toHaveTextContent('62,5%');
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
    const errors = screen.getByRole('region', { name: 'Lỗi cần sửa (3)' });
    expect(
      within(errors)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Vững mạnh, năm 2012: không đọc được thành số.',
      'Tỷ lệ vững mạnh và khá, năm 2011: tỷ lệ 120% vượt quá 100%.',
      'Số cơ sở Đoàn được xếp loại, năm 2011: tổng Vững mạnh + Khá + Trung bình + Yếu là 60, lớn hơn 50.',
    ]);
    expect(cell('Vững mạnh', '2012')).toHaveAttribute('aria-invalid', 'true');
    expect(cell('Vững mạnh', '2011')).not.toHaveAttribute('aria-invalid');

    await user.click(screen.getByRole('button', { name: 'Đánh dấu đã xong' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Chưa thể đánh dấu đã xong: còn 3 lỗi cần sửa.',
    );

    const strong2012 = cell('Vững mạnh', '2012');
    await user.clear(strong2012);
    await user.type(strong2012, '25');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Đánh dấu đã xong' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Chưa thể đánh dấu đã xong: còn 2 lỗi cần sửa.',
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
