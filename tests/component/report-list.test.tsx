import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportListPage } from '@/features/drafts/report-list-page';
import { getDatabase } from '@/storage/db';
import { getAnswers, listReports } from '@/storage/report-repository';

beforeEach(async () => {
  const db = getDatabase();
  await db.reports.clear();
  await db.answers.clear();
});

describe('the report list', () => {
  it('creates a report for a chosen unit with the unit’s names prefilled', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<ReportListPage reportHref={(id) => `#/r/${id}`} onOpen={onOpen} />);
    expect(await screen.findByText(/Chưa có báo cáo nào/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: /Tạo báo cáo mới/ }));
    // The units come with the template, loaded after the first render.
    await screen.findByRole('option', { name: 'Huyện Đoàn Giá Rai' });
    await user.selectOptions(screen.getByLabelText('Đơn vị'), 'Huyện Đoàn Giá Rai');
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    const { reports } = await listReports(getDatabase());
    expect(reports).toHaveLength(1);
    expect(reports[0]!.unit).toEqual({ id: 'huyen-doan-gia-rai', name: 'Huyện Đoàn Giá Rai' });
    const { answers } = await getAnswers(getDatabase(), reports[0]!.id);
    expect(answers['issuing-body']).toBe('BCH ĐOÀN HUYỆN GIÁ RAI');
    expect(answers['place']).toBe('Giá Rai');
    expect(onOpen).toHaveBeenCalledWith(reports[0]!.id);
  });

  it('accepts a unit typed as free text and refuses an empty one', async () => {
    const user = userEvent.setup();
    render(<ReportListPage reportHref={(id) => `#/r/${id}`} onOpen={() => {}} />);
    await user.click(await screen.findByRole('button', { name: /Tạo báo cáo mới/ }));
    await user.selectOptions(screen.getByLabelText('Đơn vị'), 'Đơn vị khác (tự nhập tên)');
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Vui lòng chọn hoặc nhập tên đơn vị.',
    );
    expect((await listReports(getDatabase())).reports).toHaveLength(0);
    await user.type(screen.getByLabelText('Tên đơn vị'), 'Đoàn Khối Doanh nghiệp');
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    await waitFor(async () => expect((await listReports(getDatabase())).reports).toHaveLength(1));
    const [report] = (await listReports(getDatabase())).reports;
    expect((await getAnswers(getDatabase(), report!.id)).answers['issuing-body']).toBe(
      'BCH ĐOÀN KHỐI DOANH NGHIỆP',
    );
  });

  it('moves a report to the trash and brings it back with “Hoàn tác”', async () => {
    const user = userEvent.setup();
    render(<ReportListPage reportHref={(id) => `#/r/${id}`} onOpen={() => {}} />);
    await user.click(await screen.findByRole('button', { name: /Tạo báo cáo mới/ }));
    await screen.findByRole('option', { name: 'Thành Đoàn Bạc Liêu' });
    await user.selectOptions(screen.getByLabelText('Đơn vị'), 'Thành Đoàn Bạc Liêu');
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    const link = await screen.findByRole('link', {
      name: 'Báo cáo sơ kết NQ01 – Thành Đoàn Bạc Liêu',
    });
    const card = link.closest('li')!;
    await user.click(within(card).getByLabelText(/Thao tác với báo cáo/));
    await user.click(await within(card).findByRole('button', { name: 'Xóa' }));
    expect(await screen.findByText(/Đã chuyển .* vào thùng rác/)).toBeVisible();
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: /Thành Đoàn Bạc Liêu/ })).not.toBeInTheDocument(),
    );
    expect(screen.getByText('Thùng rác (1)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    expect(await screen.findByRole('link', { name: /Thành Đoàn Bạc Liêu/ })).toBeVisible();
    const { reports } = await listReports(getDatabase());
    expect(reports[0]!.deletedAt).toBeNull();
  });
});
