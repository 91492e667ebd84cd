import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { EmailSettings } from '@/features/settings/email-settings';
import { getDatabase } from '@/storage/db';
import { getEmailSettings } from '@/storage/settings-repository';

beforeEach(async () => {
  await getDatabase().settings.clear();
});

describe('the email recipient setting', () => {
  it('saves a valid address', async () => {
    const user = userEvent.setup();
    render(<EmailSettings />);
    await user.type(screen.getByLabelText('Địa chỉ email nhận báo cáo'), 'btc@example.vn');
    await user.click(screen.getByRole('button', { name: 'Lưu email nhận' }));
    expect(await screen.findByText('Đã lưu địa chỉ email nhận báo cáo.')).toBeVisible();
    expect(await getEmailSettings(getDatabase())).toEqual({ recipient: 'btc@example.vn' });
  });

  it('refuses an address longer than the stored setting allows, and saves nothing', async () => {
    const user = userEvent.setup();
    render(<EmailSettings />);
    // A well-formed address of 206 characters: the setting holds at most 200.
    const long = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(20)}.vn`;
    expect(long.length).toBeGreaterThan(200);
    await user.click(screen.getByLabelText('Địa chỉ email nhận báo cáo'));
    await user.paste(long);
    await user.click(screen.getByRole('button', { name: 'Lưu email nhận' }));
    expect(await screen.findByText('Địa chỉ email không hợp lệ.')).toBeVisible();
    expect(await getEmailSettings(getDatabase())).toEqual({ recipient: null });
  });
});
