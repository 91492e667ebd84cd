// Soạn công văn: the draft is editable; a new reply date drafts the body again unless it
// was edited by hand; a letter with a field too long is not exported and says which; the
// unit's address is checked before it is stored.
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LetterComposer } from '@/features/province/letter-composer';
import { UnitLetters } from '@/features/province/unit-letters';
import { getDatabase } from '@/storage/db';
import { listExpectedUnits } from '@/storage/province-repository';
import { defaultUnits } from '@/features/province/use-office';
import { trackerRows } from '@/domain/rollup/tracker';
import { defaultTemplate } from '@/templates/template-registry';
import { unitReportFile } from '../fixtures/province-reports';
import { simpleCell } from '../fixtures/rollup-units';

const LETTER_DEADLINES = { unitDeadline: '2013-09-08', provinceDeadline: '2013-09-25' };
const units = defaultUnits.map((unit, order) => ({
  ...unit,
  addedByOffice: false,
  order,
  email: '',
}));
// Hồng Dân's report received on 09/9 with 27.490 young people gathered in 2012 (more
// than live there) and no text written; the other units' not received.
const hongDan = unitReportFile(defaultUnits[5]!, 5, {
  cell: (u, id, y) => (id === 'youth-gathered' && y === 3 ? 27490 : simpleCell(u, id, y)),
});
const rows = trackerRows(
  defaultTemplate,
  units,
  [
    {
      recordVersion: 1,
      id: 'b'.repeat(64),
      unitKey: defaultUnits[5]!.key,
      unitName: defaultUnits[5]!.name,
      fingerprint: '5e1d0c2a',
      file: hongDan,
      sources: [
        {
          kind: 'pdf',
          name: 'hong-dan.pdf',
          receivedOn: '2013-09-09',
          addedAt: hongDan.exportedAt,
        },
      ],
    },
  ],
  [],
  LETTER_DEADLINES.unitDeadline,
);
const rowOf = (key: string) => rows.find((row) => row.unit.key === key)!;

beforeEach(async () => {
  await getDatabase().provinceUnits.clear();
});

describe('Soạn công văn', () => {
  it('drafts the request for completion with the wrong cells, and redrafts on a new reply date', async () => {
    const user = userEvent.setup();
    render(
      <LetterComposer
        row={rowOf('huyen-doan-hong-dan')}
        kind="completion"
        deadlines={LETTER_DEADLINES}
        email="huyendoanhongdan@gmail.com"
        onClose={() => {}}
      />,
    );
    const body = screen.getByLabelText('Nội dung') as HTMLTextAreaElement;
    expect(body.value).toContain('năm 2012: 27.490 lớn hơn');
    expect(screen.getByLabelText('Kính gửi')).toHaveValue('Ban Thường vụ Huyện Đoàn Hồng Dân');
    expect(screen.getByLabelText('Email của đơn vị')).toHaveValue('huyendoanhongdan@gmail.com');

    const reply = screen.getByLabelText('Hạn đơn vị trả lời');
    fireEvent.change(reply, { target: { value: '2013-09-19' } });
    expect(body.value).toContain('chậm nhất ngày 19/9/2013');

    await user.type(body, ' Xin cảm ơn.');
    fireEvent.change(reply, { target: { value: '2013-09-18' } });
    expect(body.value).toContain('chậm nhất ngày 19/9/2013');
    expect(body.value).toContain('Xin cảm ơn.');
    await user.click(screen.getByRole('button', { name: 'Soạn lại nội dung' }));
    expect(body.value).toContain('chậm nhất ngày 18/9/2013');
    expect(body.value).not.toContain('Xin cảm ơn.');
  });

  it('does not export a letter whose body is too long, and names the field', async () => {
    const user = userEvent.setup();
    render(
      <LetterComposer
        row={rowOf('huyen-doan-dong-hai')}
        kind="reminder"
        deadlines={LETTER_DEADLINES}
        email=""
        onClose={() => {}}
      />,
    );
    await user.click(screen.getByLabelText('Nội dung'));
    await user.paste('x'.repeat(20_001));
    await user.click(screen.getByRole('button', { name: 'Tải PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Chưa xuất được: mục “Nội dung” không hợp lệ hoặc quá dài. Hãy sửa lại.',
    );
  });

  it('refuses a bad unit address and stores nothing; stores a good one', async () => {
    const user = userEvent.setup();
    render(<UnitLetters row={rowOf('huyen-doan-dong-hai')} />);
    const field = screen.getByLabelText('Email nhận công văn của đơn vị');
    await user.type(field, 'huyendoan@');
    await user.click(screen.getByRole('button', { name: 'Lưu email' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Địa chỉ email không hợp lệ. Chưa lưu gì.',
    );
    const stored = async () =>
      (await listExpectedUnits(getDatabase(), defaultUnits)).find(
        (u) => u.key === 'huyen-doan-dong-hai',
      )?.email;
    expect(await stored()).toBe('');
    await user.type(field, 'gmail.com');
    await user.click(screen.getByRole('button', { name: 'Lưu email' }));
    expect(await screen.findByText('Đã lưu email của đơn vị.')).toBeVisible();
    expect(await stored()).toBe('huyendoan@gmail.com');
    expect(screen.getByRole('button', { name: 'Soạn công văn' })).toBeVisible();
  });
});
