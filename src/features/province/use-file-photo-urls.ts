// Object URLs of the photos a received report file carries (a report file or a backup
// does; a PDF's embedded file does not), revoked when the file changes or the page
// closes. A photo without data is missing from the map and shows as missing.
import { useEffect, useState } from 'react';
import { base64ToBytes } from '@/domain/report/base64';
import type { ReportFile } from '@/domain/report/report-schema';

export function useFilePhotoUrls(file: ReportFile): ReadonlyMap<string, string> {
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    const made = new Map<string, string>();
    for (const photo of file.photos) {
      if (!photo.data || made.has(photo.id)) continue;
      try {
        const bytes = base64ToBytes(photo.data) as Uint8Array<ArrayBuffer>;
        made.set(photo.id, URL.createObjectURL(new Blob([bytes], { type: photo.type })));
      } catch {
        // Left out: shown as missing.
      }
    }
    setUrls(made);
    return () => {
      for (const url of made.values()) URL.revokeObjectURL(url);
    };
  }, [file]);
  return urls;
}
