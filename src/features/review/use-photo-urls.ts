import { useEffect, useState } from 'react';
import { getDatabase } from '@/storage/db';
import { getPhotos } from '@/storage/photo-repository';

// Object URLs of the stored photos with these ids (the resized photo, not the thumbnail:
// the preview shows them two to a row), revoked when the ids change or the page closes.
// null while loading; a photo missing from the map is no longer stored.
export function usePhotoUrls(ids: readonly string[]): ReadonlyMap<string, string> | null {
  const key = ids.join(' ');
  const [loaded, setLoaded] = useState<{ key: string; urls: Map<string, string> } | null>(null);
  useEffect(() => {
    if (key === '') return;
    let isCancelled = false;
    const urls = new Map<string, string>();
    getPhotos(getDatabase(), key.split(' '))
      .then((rows) => {
        if (isCancelled) return;
        for (const row of rows) urls.set(row.id, URL.createObjectURL(row.blob));
        setLoaded({ key, urls });
      })
      .catch(() => {
        if (!isCancelled) setLoaded({ key, urls });
      });
    return () => {
      isCancelled = true;
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, [key]);
  if (key === '') return new Map();
  return loaded?.key === key ? loaded.urls : null;
}
