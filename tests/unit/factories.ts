import type { IndicatorTableValue } from '@/domain/appendix/evaluate';
import type { Answers } from '@/domain/report/answers';
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import type { ReportFile, ReportMeta } from '@/domain/report/report-schema';
import {
  criterionSchema,
  parseTemplate,
  type Criterion,
  type Step,
  type Template,
  type TemplateInput,
} from '@/domain/template/template-schema';
import type { NewReport } from '@/storage/report-repository';
import { REPORT_RECORD_VERSION, type StoredReport } from '@/storage/restore';

export type StepInput = TemplateInput['steps'][number];
export type CriterionInput = StepInput['criteria'][number];

export const NOW = '2024-03-01T08:00:00.000Z';

export function makeCriterion(input: CriterionInput): Criterion {
  return criterionSchema.parse(input);
}

// The fixed parts of the document, one field per role, as a template must name them.
export function documentInfoStep(): StepInput {
  return {
    id: 'document-info',
    shortTitle: 'Thông tin văn bản',
    title: 'Thông tin văn bản',
    criteria: [
      { kind: 'text', id: 'superior-body', label: 'Cơ quan cấp trên', default: 'TỈNH ĐOÀN' },
      {
        kind: 'text',
        id: 'issuing-body',
        label: 'Cơ quan ban hành',
        required: true,
        defaultFrom: 'unitIssuingBody',
      },
      { kind: 'text', id: 'document-number', label: 'Số', maxLength: 10 },
      { kind: 'text', id: 'document-symbol', label: 'Ký hiệu', default: 'BC/ĐTN' },
      { kind: 'text', id: 'place', label: 'Địa danh', defaultFrom: 'unitPlace' },
      { kind: 'date', id: 'document-date', label: 'Ngày', defaultYear: '2013' },
      { kind: 'text', id: 'signing-line', label: 'Quyền hạn ký' },
      {
        kind: 'choice',
        id: 'signer-position',
        label: 'Chức vụ',
        options: [
          { value: 'bi-thu', label: 'BÍ THƯ' },
          { value: 'pho-bi-thu', label: 'PHÓ BÍ THƯ' },
        ],
      },
      { kind: 'text', id: 'signer-name', label: 'Người ký' },
      { kind: 'list', id: 'recipients', label: 'Nơi nhận', default: ['Lưu VP'] },
      {
        kind: 'choice',
        id: 'header-layout',
        label: 'Kiểu phần đầu',
        default: 'new',
        options: [
          { value: 'new', label: 'Mới' },
          { value: 'old', label: 'Cũ' },
        ],
      },
    ],
  };
}

// A step with two required fields and one optional one.
export function bodyStep(): StepInput {
  return {
    id: 'body',
    shortTitle: 'Nội dung',
    title: 'Nội dung',
    criteria: [
      {
        kind: 'checklist',
        id: 'body-prompts',
        label: 'Nội dung cần đánh giá',
        prompts: [
          { id: 'plan', text: 'Kế hoạch' },
          { id: 'training', text: 'Tập huấn' },
        ],
      },
      { kind: 'longText', id: 'body-results', label: 'Kết quả', required: true, maxLength: 20 },
      {
        kind: 'date',
        id: 'body-date',
        label: 'Ngày họp',
        required: true,
        allowBlankDayMonth: false,
      },
      { kind: 'longText', id: 'body-limitations', label: 'Hạn chế' },
    ],
  };
}

// A step where nothing is required.
export function notesStep(): StepInput {
  return {
    id: 'notes',
    shortTitle: 'Ghi chú',
    title: 'Ghi chú',
    criteria: [
      { kind: 'longText', id: 'notes', label: 'Ghi chú' },
      { kind: 'list', id: 'annexes', label: 'Phụ lục', maxItems: 2, itemMaxLength: 10 },
    ],
  };
}

export function makeTemplateInput(overrides: Partial<TemplateInput> = {}): TemplateInput {
  return {
    id: 'test-template',
    version: 1,
    name: 'Mẫu thử',
    documentType: 'BÁO CÁO',
    subject: 'Sơ kết',
    recipientEmail: 'test@example.com',
    units: [
      {
        id: 'huyen-doan-hong-dan',
        name: 'Huyện Đoàn Hồng Dân',
        issuingBody: 'BCH ĐOÀN HUYỆN HỒNG DÂN',
        place: 'Hồng Dân',
      },
    ],
    unitNameRules: { otherIssuingBodyPrefix: 'BCH ' },
    documentFields: {
      superiorBody: 'superior-body',
      issuingBody: 'issuing-body',
      documentNumber: 'document-number',
      documentSymbol: 'document-symbol',
      place: 'place',
      date: 'document-date',
      signingLine: 'signing-line',
      signerPosition: 'signer-position',
      signerName: 'signer-name',
      recipients: 'recipients',
      headerLayout: 'header-layout',
    },
    steps: [documentInfoStep(), bodyStep(), notesStep()],
    ...overrides,
  };
}

// The factory template with extra steps after the document-info step.
export function templateInputWithSteps(...steps: StepInput[]): TemplateInput {
  return makeTemplateInput({ steps: [documentInfoStep(), ...steps] });
}

export function makeTemplate(overrides: Partial<TemplateInput> = {}): Template {
  return parseTemplate(makeTemplateInput(overrides));
}

export function stepOf(template: Template, stepId: string): Step {
  const step = template.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step;
}

export function makeReportMeta(overrides: Partial<ReportMeta> = {}): ReportMeta {
  return {
    id: 'report-1',
    name: 'Báo cáo sơ kết',
    unit: { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' },
    templateId: 'so-ket-5-nam-nq01-bac-lieu',
    templateVersion: 1,
    createdAt: NOW,
    updatedAt: NOW,
    revision: 0,
    ...overrides,
  };
}

export function makeStoredReport(overrides: Partial<StoredReport> = {}): StoredReport {
  return {
    ...makeReportMeta(),
    recordVersion: REPORT_RECORD_VERSION,
    deletedAt: null,
    lastExportedAt: null,
    changedSince: null,
    submittedRevision: 0,
    ...overrides,
  };
}

export function makeNewReport(overrides: Partial<NewReport> = {}): NewReport {
  const answers: Answers = {
    'issuing-body': 'BCH ĐOÀN HUYỆN HỒNG DÂN',
    recipients: ['Lưu VP'],
    'document-date': { day: '', month: '', year: '2013' },
  };
  return {
    id: 'report-1',
    name: 'Báo cáo sơ kết',
    unit: { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' },
    templateId: 'so-ket-5-nam-nq01-bac-lieu',
    templateVersion: 1,
    answers,
    now: NOW,
    ...overrides,
  };
}

export type IndicatorTableInput = Extract<CriterionInput, { kind: 'indicatorTable' }>;

export const APPENDIX_YEARS = ['2011', '2012', '2013'];

// A small statistics appendix: a whole with a part and two classes, a pair of counts
// where one should not pass the other, a rate with an "at least" target and one with an
// "at most" target.
export function appendixStep(overrides: Partial<IndicatorTableInput> = {}): StepInput {
  return {
    id: 'appendix-stats',
    shortTitle: 'Phụ lục',
    title: 'Phụ lục số liệu',
    criteria: [
      {
        kind: 'indicatorTable',
        id: 'stats-table',
        label: 'Số liệu',
        indicators: [
          { id: 'total', label: 'Tổng số', unit: 'count' },
          { id: 'part', label: 'Được tập hợp', unit: 'count' },
          { id: 'class-a', label: 'Loại A', unit: 'count' },
          { id: 'class-b', label: 'Loại B', unit: 'count' },
          { id: 'introduced', label: 'Được giới thiệu', unit: 'count' },
          { id: 'admitted', label: 'Được kết nạp', unit: 'count' },
          {
            id: 'part-rate',
            label: 'Tỷ lệ được tập hợp',
            unit: 'percent',
            computed: { numerator: ['part'], denominator: ['total'] },
            target: 'atLeast',
          },
          {
            id: 'class-b-rate',
            label: 'Tỷ lệ loại B',
            unit: 'percent',
            computed: { numerator: ['class-b'], denominator: ['total'] },
            target: 'atMost',
          },
        ],
        rules: [
          { kind: 'partOfWhole', part: 'part', whole: ['total'] },
          { kind: 'partsMakeWhole', parts: ['class-a', 'class-b'], whole: 'total' },
          { kind: 'notAboveWarning', value: 'admitted', limit: 'introduced' },
        ],
        ...overrides,
      },
    ],
  };
}

// The factory template with the small appendix and three review years.
export function makeAppendixTemplate(
  table: Partial<IndicatorTableInput> = {},
  overrides: Partial<TemplateInput> = {},
): Template {
  return makeTemplate({
    reviewYears: APPENDIX_YEARS,
    steps: [documentInfoStep(), appendixStep(table)],
    ...overrides,
  });
}

// An indicator table answer.
export function makeIndicatorTable(
  overrides: Partial<IndicatorTableValue> = {},
): IndicatorTableValue {
  return { cells: {}, targets: {}, notes: {}, isMarkedComplete: false, ...overrides };
}

// A queued submission, as the outbox stores it: `body` frozen at `createdAt`, due at
// `nextAttemptAt` (0: now), never tried.
export function makeOutboxEntry(
  entry: { reportId: string; revision: number; body: ReportFile; createdAt: string },
  overrides: Partial<OutboxEntry> = {},
): OutboxEntry {
  return {
    id: `${entry.reportId}#${entry.revision}`,
    ...entry,
    sha256: 'a'.repeat(64),
    state: 'queued',
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    serverHead: null,
    receipt: null,
    uploadedFiles: [],
    updatedAt: entry.createdAt,
    ...overrides,
  };
}
