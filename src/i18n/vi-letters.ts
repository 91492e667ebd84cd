// The office's letters (Soạn công văn, issue 17): the printed wording of a reminder
// (nhắc nộp) and of a request for completion (đề nghị bổ sung), and the strings of the
// screen that drafts them. The letter's structure is domain/letters/letter.ts.
import type { AppendixIssue } from '@/domain/appendix/evaluate';
import type { IssueCode } from '@/domain/report/answer-kinds';
import type { Indicator } from '@/domain/template/template-schema';
import { appendixIssueMessage, vi } from './vi-report';

// "2013-09-08" → "08/9/2013", as the guidance writes its dates in running text.
export function letterDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${Number(month)}/${year}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

// A field error as the letter names it (no lengths: the unit's app shows them).
const fieldProblems: Record<IssueCode, string> = {
  ...vi.issues,
  required: 'chưa nhập',
  tooLong: 'quá dài so với giới hạn của mẫu',
  tooManyItems: 'có quá nhiều mục',
  itemTooLong: 'có mục quá dài',
} as Record<IssueCode, string>;

export type ReminderFacts = {
  unitName: string;
  reportName: string;
  documents: string[];
  guidanceDate: string;
  guidanceSubject: string;
  today: string;
  unitDeadline: string;
  daysLate: number;
  replyBy: string;
  provinceDeadline: string;
  email: string;
};

export type CompletionFacts = ReminderFacts & {
  receivedOn: string;
  fingerprint: string;
  missingSteps: { title: string; items: string[] }[];
  cellErrors: AppendixIssue[];
  fieldErrors: { stepTitle: string; label: string; code: IssueCode }[];
  unexplainedWarnings: AppendixIssue[];
  indicators: ReadonlyMap<string, Indicator>;
};

// "- a;" for every item and "- z." for the last one.
function items(lines: readonly string[]): string[] {
  return lines.map(
    (line, index) => `- ${line.replace(/[.;:]+$/u, '')}${index === lines.length - 1 ? '.' : ';'}`,
  );
}

function issueLine(issue: AppendixIssue, indicators: ReadonlyMap<string, Indicator>): string {
  return appendixIssueMessage(
    issue,
    (id) => indicators.get(id)?.label ?? id,
    (id) => indicators.get(id)?.unit ?? 'count',
  );
}

const reminderClosing = (f: ReminderFacts) =>
  `Để Ban Thường vụ Tỉnh Đoàn kịp tổng hợp, báo cáo Trung ương Đoàn trước ngày ${letterDate(f.provinceDeadline)}, đề nghị Ban Thường vụ ${f.unitName} quan tâm thực hiện./.`;

// Printed words of the letters. The issuer and signer are the office's defaults; every
// field of a draft can be changed before it is exported.
export const letterWords = {
  issuingBody: 'BCH TỈNH BẠC LIÊU',
  place: 'Bạc Liêu',
  symbol: 'CV/TĐTN-BTC',
  salutationPrefix: 'Kính gửi:',
  // The date of the guidance the letters refer to (PROVINCE.md, the timeline).
  guidanceDate: '2013-08-22',
  recipients: ['Như trên', 'TT Tỉnh Đoàn (để b/c)', 'Lưu BTC, VP'],
  signingLine: 'TM. BAN THƯỜNG VỤ',
  position: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
  signerName: 'Phạm Thành Phước',
  salutation: (unitName: string) => `Ban Thường vụ ${unitName}`,
  subjectLine: {
    reminder: (reportName: string) => `V/v nhắc nộp báo cáo ${lowerFirst(reportName)}`,
    completion: (reportName: string) =>
      `V/v đề nghị bổ sung, chỉnh sửa báo cáo ${lowerFirst(reportName)}`,
  },
  mainDocument: (reportName: string) => `Báo cáo ${lowerFirst(reportName)} (kèm phụ lục số liệu)`,

  reminderBody: (f: ReminderFacts): string[] => [
    `Thực hiện Hướng dẫn ngày ${letterDate(f.guidanceDate)} của Ban Thường vụ Tỉnh Đoàn về ${lowerFirst(f.guidanceSubject)}, hạn các đơn vị gửi báo cáo về Ban Thường vụ Tỉnh Đoàn (qua Ban Tổ chức) là ngày ${letterDate(f.unitDeadline)}.`,
    f.daysLate > 0
      ? `Đến ngày ${letterDate(f.today)}, Ban Thường vụ Tỉnh Đoàn chưa nhận được báo cáo của ${f.unitName} (đã quá hạn ${f.daysLate} ngày).`
      : `Đến ngày ${letterDate(f.today)}, Ban Thường vụ Tỉnh Đoàn chưa nhận được báo cáo của ${f.unitName}.`,
    `Ban Thường vụ Tỉnh Đoàn đề nghị Ban Thường vụ ${f.unitName} khẩn trương hoàn thiện và gửi về Ban Thường vụ Tỉnh Đoàn (qua Ban Tổ chức) chậm nhất ngày ${letterDate(f.replyBy)}, gồm:`,
    ...items(f.documents),
    `Báo cáo gửi bằng văn bản và qua email ${f.email}.`,
    reminderClosing(f),
  ],

  completionBody: (f: CompletionFacts): string[] => {
    const parts: { heading: string; lines: string[] }[] = [];
    if (f.missingSteps.length > 0)
      parts.push({
        heading: 'Các mục còn thiếu nội dung:',
        lines: f.missingSteps.map(
          (step) => `${step.title}: chưa có ${step.items.map((i) => `“${i}”`).join(', ')}`,
        ),
      });
    if (f.cellErrors.length + f.fieldErrors.length > 0)
      parts.push({
        heading: 'Các số liệu, nội dung có lỗi cần sửa:',
        lines: [
          ...f.cellErrors.map((issue) => issueLine(issue, f.indicators)),
          ...f.fieldErrors.map((e) => `${e.stepTitle}, “${e.label}”: ${fieldProblems[e.code]}`),
        ],
      });
    if (f.unexplainedWarnings.length > 0)
      parts.push({
        heading: 'Các số liệu cần giải trình (chưa có ghi chú giải thích):',
        lines: f.unexplainedWarnings.map((issue) => issueLine(issue, f.indicators)),
      });
    return [
      `Ngày ${letterDate(f.receivedOn)}, Ban Thường vụ Tỉnh Đoàn (qua Ban Tổ chức) đã nhận được báo cáo ${lowerFirst(f.reportName)} của ${f.unitName} (bản có mã ${f.fingerprint}). Qua kiểm tra, báo cáo còn một số nội dung chưa đầy đủ hoặc chưa chính xác, cụ thể như sau:`,
      ...parts.flatMap((part, index) => [`${index + 1}. ${part.heading}`, ...items(part.lines)]),
      `Đề nghị Ban Thường vụ ${f.unitName} kiểm tra, bổ sung, chỉnh sửa (đối với số liệu cần giải trình: ghi rõ lý do vào phần ghi chú của phụ lục) và gửi lại báo cáo về Ban Thường vụ Tỉnh Đoàn (qua Ban Tổ chức, email ${f.email}) chậm nhất ngày ${letterDate(f.replyBy)}, để Ban Thường vụ Tỉnh Đoàn kịp tổng hợp, báo cáo Trung ương Đoàn trước ngày ${letterDate(f.provinceDeadline)}./.`,
    ];
  },
} as const;

// The screen that drafts a letter (Theo dõi and a unit's page).
export const viLetters = {
  column: 'Công văn',
  compose: 'Soạn công văn',
  composeFor: (unit: string) => `Soạn công văn cho ${unit}`,
  heading: {
    reminder: (unit: string) => `Công văn nhắc nộp báo cáo — ${unit}`,
    completion: (unit: string) => `Công văn đề nghị bổ sung — ${unit}`,
  },
  intro:
    'Bản thảo được soạn từ bảng theo dõi và báo cáo đã nhận; sửa tùy ý trước khi tải PDF, Word hoặc gửi email.',
  nothingToChase: 'Báo cáo mới nhất của đơn vị đã đủ, không có lỗi: không cần công văn.',
  fields: {
    number: 'Số',
    symbol: 'Ký hiệu',
    date: 'Ngày ký',
    replyBy: 'Hạn đơn vị trả lời',
    subjectLine: 'Trích yếu (V/v …)',
    salutation: 'Kính gửi',
    body: 'Nội dung',
    bodyHelp: 'Mỗi dòng là một đoạn; dòng bắt đầu bằng “-” là một ý liệt kê.',
    recipients: 'Nơi nhận (mỗi dòng một nơi)',
    signingLine: 'Thẩm quyền ký',
    position: 'Chức vụ người ký',
    signerName: 'Người ký',
    email: 'Email của đơn vị',
    issuingBody: 'Cơ quan ban hành',
    place: 'Địa danh',
  },
  bodyEdited: 'Nội dung đã được sửa tay nên không tự soạn lại theo ngày mới.',
  redraft: 'Soạn lại nội dung',
  pdf: 'Tải PDF',
  docx: 'Tải Word',
  email: 'Gửi email',
  close: 'Đóng',
  preparing: 'Đang tạo tệp…',
  pdfDone: 'Đã tải tệp PDF của công văn.',
  docxDone: 'Đã tải tệp Word của công văn.',
  emailOpened: (address: string) =>
    address
      ? `Đã mở ứng dụng email với thư gửi ${address}; nội dung thư là công văn.`
      : 'Đã mở ứng dụng email; đơn vị chưa có địa chỉ email, hãy nhập người nhận.',
  exportFailed:
    'Không tạo được tệp (có thể máy đang ngoại tuyến và ứng dụng chưa lưu phần xuất tệp). Hãy thử lại.',
  invalid: (field: string) =>
    `Chưa xuất được: mục “${field}” không hợp lệ hoặc quá dài. Hãy sửa lại.`,
  numberTaken: (number: string, unit: string, date: string, next: string) =>
    `Số ${number} đã cấp cho công văn gửi ${unit} ngày ${date}. Chưa xuất gì; hãy dùng số ${next} (số tiếp theo còn trống) hoặc số khác.`,
  sentHeading: 'Công văn đã gửi đơn vị',
  noneSent: 'Chưa gửi công văn nào.',
  sentLine: (number: string, date: string, kind: string, replyBy: string) =>
    `${number}, ngày ${date}: ${kind}, hạn trả lời ${replyBy}`,
  kinds: { reminder: 'nhắc nộp', completion: 'đề nghị bổ sung' },
  channels: { pdf: 'PDF', docx: 'Word', email: 'email' },
  sentBy: (channels: string, when: string) => `Đã xuất: ${channels} (lần cuối ${when}).`,
  invalidEmail: 'Địa chỉ email không hợp lệ. Hãy sửa lại (ví dụ: doanhuyen@gmail.com).',
  unitEmail: {
    label: 'Email nhận công văn của đơn vị',
    help: 'Dùng cho nút Gửi email của công văn. Để trống rồi bấm Lưu để xoá.',
    save: 'Lưu email',
    saved: 'Đã lưu email của đơn vị.',
    cleared: 'Đã xoá email của đơn vị.',
    invalid: 'Địa chỉ email không hợp lệ. Chưa lưu gì.',
    failed: 'Không lưu được email. Không có gì thay đổi.',
    notExpected: 'Đơn vị này chưa có trong danh sách theo dõi: hãy thêm vào danh sách trước.',
  },
} as const;
