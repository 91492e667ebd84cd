import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initialAnswers } from '@/domain/report/answers';
import { ReviewPage } from '@/features/review/review-page';
import { defaultTemplate } from '@/templates/template-registry';

const unit = { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' };

describe('the review page', () => {
  it('renders the report in order and links each missing answer to its field', () => {
    const answers = {
      ...initialAnswers(defaultTemplate, unit),
      'direction-results': 'Ban hành kế hoạch số 12.\n- Tổ chức 3 hội nghị quán triệt',
      'signer-name': 'Nguyễn Thượng Việt',
      'document-date': { day: '5', month: '9', year: '2013' },
    };
    render(
      <ReviewPage
        template={defaultTemplate}
        answers={answers}
        unitName="Huyện Đoàn Hồng Dân"
        links={{ field: (s, f) => `#/r/x/${s}/${f}` }}
      />,
    );
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
});
