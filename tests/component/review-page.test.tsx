import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyIndicatorTable } from '@/domain/appendix/evaluate';
import { initialAnswers, type Answers } from '@/domain/report/answers';
import { ReviewPage } from '@/features/review/review-page';
import { defaultTemplate } from '@/templates/template-registry';

const unit = { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' };

const renderReview = (answers: Answers) =>
  render(
    <ReviewPage
      template={defaultTemplate}
      answers={answers}
      unitName="Huyện Đoàn Hồng Dân"
      links={{ field: (s, f) => `#/r/x/${s}/${f}` }}
    />,
  );

describe('the review page', () => {
  it('renders the report in order and links each missing answer to its field', () => {
    const answers = {
      ...initialAnswers(defaultTemplate, unit),
      'direction-results': 'Ban hành kế hoạch số 12.\n- Tổ chức 3 hội nghị quán triệt',
      'signer-name': 'Nguyễn Thượng Việt',
      'document-date': { day: '5', month: '9', year: '2013' },
    };
    renderReview(answers);
    expect(screen.getByText('BCH ĐOÀN HUYỆN HỒNG DÂN')).toBeVisible();
    expect(screen.getByText('Hồng Dân, ngày 05 tháng 9 năm 2013')).toBeVisible();
    expect(screen.getByText('Ban hành kế hoạch số 12.')).toBeVisible();
    expect(screen.getByText('- Tổ chức 3 hội nghị quán triệt')).toBeVisible();
    expect(screen.getByText('- Lưu VP.')).toBeVisible();
    const missing = screen.getByRole('link', {
      name: /II\.2\.1\. Cán bộ chi đoàn, Đoàn cơ sở: Kết quả đạt được/,
    });
    expect(missing).toHaveAttribute('href', '#/r/x/cadres/cadres-results');
    expect(
      screen.queryByRole('link', { name: /II\.1\. Công tác chỉ đạo: Kết quả/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the unit’s own appendix rows after the table’s rows, and the partial year', () => {
    const answers = {
      ...initialAnswers(defaultTemplate, unit),
      'document-date': { day: '5', month: '9', year: '2013' },
      'party-table': {
        ...emptyIndicatorTable(),
        cells: {
          'party-introduced': { '2013': 40 },
          'custom-cadres': { '2013': 12 },
        },
        custom: [
          { id: 'custom-cadres', label: 'Trong đó là cán bộ Đoàn', kind: 'count' as const },
          {
            id: 'custom-cadres-share',
            label: 'Tỷ lệ cán bộ Đoàn được giới thiệu',
            kind: 'rate' as const,
            numerator: 'custom-cadres',
            denominator: 'party-introduced',
          },
        ],
      },
    };
    renderReview(answers);
    const table = screen.getByRole('region', {
      name: 'Bảng số liệu: Giới thiệu đoàn viên ưu tú cho Đảng',
    });
    expect(within(table).getByRole('columnheader', { name: '2013 (đến tháng 8)' })).toBeVisible();
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(names.slice(-3)).toEqual([
      'Tỷ lệ đoàn viên trong tổng số đảng viên mới (%)',
      'Trong đó là cán bộ Đoàn',
      'Tỷ lệ cán bộ Đoàn được giới thiệu (%)',
    ]);
    const rate = within(table).getByRole('row', { name: /^Tỷ lệ cán bộ Đoàn được giới thiệu/ });
    expect(rate).toHaveTextContent('30,0%');
  });
});
