import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GroupItem } from '@/domain/report/answer-kinds';
import { initialAnswers } from '@/domain/report/answers';
import { ReviewPage } from '@/features/review/review-page';
import { getDatabase } from '@/storage/db';
import { defaultTemplate } from '@/templates/template-registry';

const unit = { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' };
const links = {
  field: (step: string, field: string) => `#/r/x/${step}/${field}`,
  document: (id: string) => (id === 'main' ? '#/r/x/xem-lai' : `#/r/x/xem-lai/${id}`),
};

const models: GroupItem[] = [
  {
    id: 'a',
    values: {
      name: 'Nuôi bò sinh sản',
      results: '12 đoàn viên thoát nghèo.',
      photos: [{ photoId: 'not-stored', caption: 'Trao bò giống' }],
    },
  },
  { id: 'b', values: { name: 'Thắp sáng đường quê' } },
];
const materials: GroupItem[] = [
  { id: 'm', values: { title: 'Tờ rơi', type: 'an-pham', quantity: '1.200' } },
  { id: 'n', values: { quantity: 'nhiều' } },
];

beforeEach(async () => {
  await getDatabase().photos.clear();
});

describe('the review of the models document', () => {
  it('shows the models as numbered sections, the materials as a table, and only its own issues', async () => {
    render(
      <ReviewPage
        template={defaultTemplate}
        answers={{ ...initialAnswers(defaultTemplate, unit), models, materials }}
        unitName={unit.name}
        documentId="models"
        links={links}
      />,
    );
    const document = screen.getByRole('article', { name: 'Bản xem trước văn bản' });
    expect(
      within(document)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['1. Nuôi bò sinh sản', '2. Thắp sáng đường quê']);
    expect(within(document).getByText('12 đoàn viên thoát nghèo.')).toBeInTheDocument();
    expect(await within(document).findByText('Ảnh không còn trên máy')).toBeInTheDocument();
    expect(within(document).getByText('Trao bò giống')).toBeInTheDocument();

    const table = screen.getByRole('region', { name: 'Danh mục ấn phẩm, sản phẩm, tài liệu' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'STTTên ấn phẩm, tài liệuLoạiSố lượngThời gian phát hànhGhi chú',
      '1Tờ rơiẤn phẩm1.200',
      '2nhiều',
    ]);

    const issues = screen.getByRole('region', { name: 'Những mục còn thiếu hoặc có lỗi' });
    expect(
      within(issues).getByRole('link', {
        name: 'Ấn phẩm, tài liệu tuyên truyền: Danh mục ấn phẩm, sản phẩm, tài liệu',
      }),
    ).toHaveAttribute('href', '#/r/x/materials/materials');
    expect(
      within(issues).getByRole('link', { name: 'Thông tin văn bản: Họ và tên người ký' }),
    ).toBeInTheDocument();
    expect(within(issues).queryByRole('link', { name: /^II\.2\.1\./ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Về báo cáo sơ kết' })).toHaveAttribute(
      'href',
      '#/r/x/xem-lai',
    );
  });

  it('is linked from the report’s review, with how much it lacks', () => {
    render(
      <ReviewPage
        template={defaultTemplate}
        answers={initialAnswers(defaultTemplate, unit)}
        unitName={unit.name}
        links={links}
      />,
    );
    const link = screen.getByRole('link', { name: 'Xem báo cáo mô hình hay, cách làm hiệu quả' });
    expect(link).toHaveAttribute('href', '#/r/x/xem-lai/models');
    expect(link.closest('li')).toHaveTextContent('(còn 1 mục thiếu hoặc có lỗi)');
    const issues = screen.getByRole('region', { name: 'Những mục còn thiếu hoặc có lỗi' });
    expect(within(issues).queryByRole('link', { name: /^Mô hình hay/ })).not.toBeInTheDocument();
  });
});
