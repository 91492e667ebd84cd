// Strings of the good-models report, the materials list and photos (issue 8), merged
// into vi-report.ts. Each top-level key belongs to one part of the app.
export const viModels = {
  // features/wizard: repeatable groups (entries) and image lists.
  group: {},
  // features/wizard: photo picking, processing, captions, storage.
  photos: {},
  // The models document: review page, exports, email.
  modelsDocument: {},
  // Sync of photos and backups carrying photos.
  photoSync: {},
} as const;
