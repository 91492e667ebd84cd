import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { initialAnswers, type Answers } from '@/domain/report/answers';
import { WizardScreen } from '@/features/wizard/wizard-screen';
import { getDatabase } from '@/storage/db';
import { createReport, getAnswers, reportMeta } from '@/storage/report-repository';
import type { StoredReport } from '@/storage/restore';
import { defaultTemplate } from '@/templates/template-registry';

let report: StoredReport;
let answers: Answers;

beforeEach(async () => {
  const db = getDatabase();
  await db.reports.clear();
  await db.answers.clear();
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

function renderStep(stepId: string | null, focusFieldId: string | null = null) {
  return render(
    <WizardScreen
      template={defaultTemplate}
      report={reportMeta(report)}
      answers={answers}
      hasDamagedAnswers={false}
      stepId={stepId}
      focusFieldId={focusFieldId}
      links={{ list: '#/', step: (id) => `#/r/r1/${id}`, review: '#/r/r1/xem-lai' }}
      reviewTitle="Xem lại"
      review={<p>review slot</p>}
    />,
  );
}

describe('a wizard step', () => {
  it('shows the guidance bullets of II.1 as a checklist and saves ticks and text', async () => {
    const user = userEvent.setup();
    renderStep('direction');
    expect(screen.getByRole('heading', { name: /II\.1\. Công tác chỉ đạo/ })).toHaveFocus();
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    await user.click(screen.getByRole('checkbox', { name: /xây dựng kế hoạch thực hiện/ }));
    await user.type(screen.getByLabelText(/Kết quả đạt được/), 'Đã ban hành kế hoạch.');
    await user.tab();
    await waitFor(async () => {
      const stored = await getAnswers(getDatabase(), 'r1');
      expect(stored.answers['direction-results']).toBe('Đã ban hành kế hoạch.');
      expect(stored.answers['direction-prompts']).toEqual(['plan']);
    });
    expect(await screen.findByText(/^Đã lưu lúc \d\d:\d\d$/)).toBeInTheDocument();
  });

  it('keeps an over-long text and says how long it is', async () => {
    const user = userEvent.setup();
    renderStep('document-info');
    const number = screen.getByLabelText('Số văn bản');
    await user.type(number, '123456789012345');
    expect(number).toHaveValue('123456789012345');
    expect(
      await screen.findByText('Quá dài: 15/10 ký tự. Nội dung vẫn được giữ, hãy rút gọn.'),
    ).toBeVisible();
    expect(number).toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    await waitFor(async () => {
      expect((await getAnswers(getDatabase(), 'r1')).answers['document-number']).toBe(
        '123456789012345',
      );
    });
  });

  it('asks for a required answer once the field is left empty', async () => {
    const user = userEvent.setup();
    renderStep('document-info');
    const signer = screen.getByLabelText(/Họ và tên người ký/);
    expect(screen.queryByText('Mục này bắt buộc, vui lòng nhập.')).not.toBeInTheDocument();
    await user.click(signer);
    await user.tab();
    expect(await screen.findByText('Mục này bắt buộc, vui lòng nhập.')).toBeVisible();
    await user.type(signer, 'Nguyễn Thượng Việt');
    await waitFor(() =>
      expect(screen.queryByText('Mục này bắt buộc, vui lòng nhập.')).not.toBeInTheDocument(),
    );
  });

  it('stores decomposed Vietnamese input in NFC', async () => {
    const user = userEvent.setup();
    renderStep('document-info');
    const signer = screen.getByLabelText(/Họ và tên người ký/);
    await user.click(signer);
    await user.paste('Nguye\u0302\u0303n Thu\u031bo\u031b\u0300ng Vie\u0323\u0302t');
    await user.tab();
    await waitFor(async () => {
      const stored = (await getAnswers(getDatabase(), 'r1')).answers['signer-name'];
      expect(stored).toBe('Nguyễn Thường Việt'.normalize('NFC'));
      expect(stored).toBe((stored as string).normalize('NFC'));
    });
    expect(signer).toHaveValue('Nguyễn Thường Việt');
  });

  it('edits the recipients list line by line, each line one line however it wraps', async () => {
    const user = userEvent.setup();
    renderStep('document-info');
    await user.click(screen.getByRole('button', { name: 'Thêm dòng' }));
    const added = screen.getByLabelText('Nơi nhận – dòng 5');
    // Enter breaks no line; a pasted break becomes a space.
    await user.type(added, 'Ban Tuyên giáo{Enter} Tỉnh');
    await user.paste('\nĐoàn');
    expect(added).toHaveValue('Ban Tuyên giáo Tỉnh Đoàn');
    await user.click(screen.getByRole('button', { name: 'Xóa dòng 1' }));
    await user.tab();
    await waitFor(async () => {
      expect((await getAnswers(getDatabase(), 'r1')).answers['recipients']).toEqual([
        'Ban Tổ chức Tỉnh Đoàn (b/c)',
        'Thường trực cấp ủy cùng cấp (b/c)',
        'Lưu VP',
        'Ban Tuyên giáo Tỉnh Đoàn',
      ]);
    });
  });

  it('shows every step with its state in the table of contents', () => {
    renderStep('opening');
    const toc = screen.getByRole('navigation', { name: 'Mục lục' });
    expect(toc).toHaveTextContent('Thông tin văn bản');
    expect(toc).toHaveTextContent('V. Đề xuất, kiến nghị');
    expect(screen.getByRole('link', { name: /Mở đầu/ })).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('link', { name: /Mở đầu.*Hoàn thành/ })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /II\.1\. Công tác chỉ đạo.*Chưa bắt đầu/ }),
    ).toBeInTheDocument();
  });

  it('focuses the field a review link points to', () => {
    renderStep('targets', 'targets-narrative');
    expect(screen.getByLabelText(/Đánh giá kết quả so với mục tiêu/)).toHaveFocus();
  });
});
