// The share sheet and the mail app, as a test sees them. Headless Chromium on Linux has
// no Web Share: one init script gives the page a navigator.share that records what it is
// given; another takes share away and records the mailto: links the app opens (a
// mailto: navigation never reaches page.route), letting blob: downloads through.
import type { Page } from '@playwright/test';

export type SharedFile = { name: string; type: string; size: number; head: string; text: string };
export type Shared = { title: string; text: string; files: SharedFile[] };

type Recorder = { shared: Shared[]; mailto: string[] };

export async function stubShare(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const recorder: Recorder = { shared: [], mailto: [] };
    (window as unknown as { __recorder: Recorder }).__recorder = recorder;
    Object.defineProperty(navigator, 'canShare', {
      configurable: true,
      value: (data?: ShareData) => Array.isArray(data?.files) && data.files.length > 0,
    });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        const files = await Promise.all(
          (data.files ?? []).map(async (file) => ({
            name: file.name,
            type: file.type,
            size: file.size,
            head: await file.slice(0, 5).text(),
            text: file.type === 'application/json' ? await file.text() : '',
          })),
        );
        recorder.shared.push({ title: data.title ?? '', text: data.text ?? '', files });
      },
    });
  });
}

export async function removeShare(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const recorder: Recorder = { shared: [], mailto: [] };
    (window as unknown as { __recorder: Recorder }).__recorder = recorder;
    delete (Navigator.prototype as Partial<Navigator>).share;
    delete (Navigator.prototype as Partial<Navigator>).canShare;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.href.startsWith('mailto:')) recorder.mailto.push(this.href);
      else click.call(this);
    };
  });
}

function recorder(page: Page): Promise<Recorder> {
  return page.evaluate(() => (window as unknown as { __recorder: Recorder }).__recorder);
}

export async function sharedData(page: Page): Promise<Shared[]> {
  return (await recorder(page)).shared;
}

export async function mailtoLinks(page: Page): Promise<string[]> {
  return (await recorder(page)).mailto;
}

export type Mail = { to: string; subject: string; body: string };

// mailto:<address>?subject=…&body=… with every part percent-encoded.
export function readMailto(href: string): Mail {
  const [address = '', query = ''] = href.slice('mailto:'.length).split('?');
  const params = new Map(
    query.split('&').map((pair) => {
      const [key = '', value = ''] = pair.split('=');
      return [key, decodeURIComponent(value)] as const;
    }),
  );
  return {
    to: decodeURIComponent(address),
    subject: params.get('subject') ?? '',
    body: params.get('body') ?? '',
  };
}
