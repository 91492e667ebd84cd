// Hash routes, so that the app works from any static host and offline:
//   #/                          report list
//   #/r/<id>                    a report, first step
//   #/r/<id>/<stepId>[/<field>] a step, optionally focusing one field
//   #/r/<id>/xem-lai            the review page
//   #/r/<id>/xem-lai/<document> the review page of a further document (e.g. models)
//   #/cai-dat                   settings
//   #/tinh[/<view>[/<id>]]      the province office: tracker, tiep-nhan, tong-hop, bao-cao,
//                               don-vi/<unitKey>, ban/<versionId>[/<documentId>]
export const REVIEW_SEGMENT = 'xem-lai';
const SETTINGS_SEGMENT = 'cai-dat';
const PROVINCE_SEGMENT = 'tinh';
export const PROVINCE_VIEWS = {
  intake: 'tiep-nhan',
  rollup: 'tong-hop',
  report: 'bao-cao',
  unit: 'don-vi',
  version: 'ban',
} as const;
export type ProvinceView = 'tracker' | keyof typeof PROVINCE_VIEWS;

export type Route =
  | { name: 'list' }
  | { name: 'settings' }
  // documentId: on a received version, a further document of its template (e.g. models).
  | { name: 'province'; view: ProvinceView; id: string | null; documentId: string | null }
  | {
      name: 'report';
      reportId: string;
      stepId: string | null;
      isReview: boolean;
      fieldId: string | null;
      // On a review page: the template's further document shown, null for the report.
      documentId: string | null;
    };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === SETTINGS_SEGMENT) return { name: 'settings' };
  if (parts[0] === PROVINCE_SEGMENT) {
    const view = (Object.keys(PROVINCE_VIEWS) as (keyof typeof PROVINCE_VIEWS)[]).find(
      (key) => PROVINCE_VIEWS[key] === parts[1],
    );
    return {
      name: 'province',
      view: view ?? 'tracker',
      id: view ? (parts[2] ?? null) : null,
      documentId: view === 'version' ? (parts[3] ?? null) : null,
    };
  }
  if (parts[0] === 'r' && parts[1]) {
    const stepId = parts[2] ?? null;
    const isReview = stepId === REVIEW_SEGMENT;
    return {
      name: 'report',
      reportId: parts[1],
      stepId: isReview ? null : stepId,
      isReview,
      fieldId: isReview ? null : (parts[3] ?? null),
      documentId: isReview ? (parts[3] ?? null) : null,
    };
  }
  return { name: 'list' };
}

export const hrefs = {
  list: '#/',
  settings: `#/${SETTINGS_SEGMENT}`,
  province: (view: ProvinceView = 'tracker', id?: string, documentId?: string) =>
    view === 'tracker'
      ? `#/${PROVINCE_SEGMENT}`
      : `#/${PROVINCE_SEGMENT}/${PROVINCE_VIEWS[view]}${id ? `/${encodeURIComponent(id)}` : ''}${
          id && documentId ? `/${encodeURIComponent(documentId)}` : ''
        }`,
  report: (id: string) => `#/r/${encodeURIComponent(id)}`,
  step: (id: string, stepId: string, fieldId?: string) =>
    `#/r/${encodeURIComponent(id)}/${encodeURIComponent(stepId)}${fieldId ? `/${encodeURIComponent(fieldId)}` : ''}`,
  review: (id: string, documentId?: string) =>
    `#/r/${encodeURIComponent(id)}/${REVIEW_SEGMENT}${documentId ? `/${encodeURIComponent(documentId)}` : ''}`,
};
