// The built-in template: the 5-year review of Resolution 01-NQ/ĐTN of the Bạc Liêu
// provincial Youth Union, as the guidance of 22/08/2013 asks for it. The prompts of the
// criterion steps are the bullets of the guidance's section II, summarised where long.
import type { TemplateInput } from '@/domain/template/template-schema';

type CriterionInput = TemplateInput['steps'][number]['criteria'][number];

const RESULTS_LABEL = 'Kết quả đạt được';
const LIMITATIONS_LABEL = 'Hạn chế, tồn tại';
const LIMITATIONS_HEADING = '* Hạn chế, tồn tại:';
const PART_II = {
  level: 'section',
  number: 'II.',
  title: 'KẾT QUẢ 5 NĂM TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT',
} as const;
const ITEM_II_2 = {
  level: 'item',
  number: '2.',
  title: 'Kết quả thực hiện các nội dung của Nghị quyết',
} as const;
const SUB_II_2_3 = { level: 'subItem', number: '2.3.', title: 'Tổ chức cơ sở Đoàn' } as const;

const APPENDIX_INTRO =
  'Số liệu từng năm; năm 2013 tính đến thời điểm báo cáo. Các tỷ lệ được tự tính. Nhập chỉ tiêu Nghị quyết (nếu có) để so sánh.';
const CADRES = ['cad-union-secretaries', 'cad-branch-secretaries'];

type IndicatorInput = Extract<CriterionInput, { kind: 'indicatorTable' }>['indicators'][number];

// The share of each rating class, and of the top classes together, among those rated;
// targets on the top classes (at least) and on "weak" (at most).
function ratingShares(
  prefix: string,
  top: [string, string],
  topLabel: string,
  classes = ['strong', 'good', 'average'],
): IndicatorInput[] {
  const names: Record<string, string> = {
    strong: 'vững mạnh',
    excellent: 'xuất sắc',
    good: 'khá',
    average: 'trung bình',
    weak: 'yếu',
  };
  const rated = [`${prefix}-rated`];
  return [
    ...classes.map((name) => ({
      id: `${prefix}-${name}-share`,
      label: `Tỷ lệ ${names[name]}`,
      unit: 'percent' as const,
      computed: { numerator: [`${prefix}-${name}`], denominator: rated },
    })),
    {
      id: `${prefix}-top-share`,
      label: `Tỷ lệ ${topLabel.toLowerCase()}`,
      unit: 'percent',
      computed: { numerator: top.map((name) => `${prefix}-${name}`), denominator: rated },
      target: 'atLeast',
    },
    {
      id: `${prefix}-weak-share`,
      label: 'Tỷ lệ yếu',
      unit: 'percent',
      computed: { numerator: [`${prefix}-weak`], denominator: rated },
      target: 'atMost',
    },
  ];
}

type StepInput = TemplateInput['steps'][number];

// The ratings of grassroots unions and of branches: the number rated, the four classes,
// their shares, and the rules that the classes make up the number rated and that it is
// within the organisations counted in Phụ lục 2.
function organisationRatingsStep(options: {
  stepId: string;
  number: number;
  tableId: string;
  label: string;
  prefix: string;
  ratedLabel: string;
  ratedWithin: string[];
}): StepInput {
  const { prefix } = options;
  const classes = ['strong', 'good', 'average', 'weak'].map((name) => `${prefix}-${name}`);
  const title = `Phụ lục ${options.number}. ${options.label}`;
  return {
    id: options.stepId,
    shortTitle: title,
    title,
    intro: APPENDIX_INTRO,
    criteria: [
      {
        kind: 'indicatorTable',
        id: options.tableId,
        label: options.label,
        indicators: [
          { id: `${prefix}-rated`, label: options.ratedLabel, unit: 'count' },
          { id: `${prefix}-strong`, label: 'Vững mạnh', unit: 'count' },
          { id: `${prefix}-good`, label: 'Khá', unit: 'count' },
          { id: `${prefix}-average`, label: 'Trung bình', unit: 'count' },
          { id: `${prefix}-weak`, label: 'Yếu', unit: 'count' },
          ...ratingShares(prefix, ['strong', 'good'], 'Vững mạnh và khá'),
        ],
        rules: [
          { kind: 'partsMakeWhole', parts: classes, whole: `${prefix}-rated` },
          { kind: 'partOfWhole', part: `${prefix}-rated`, whole: options.ratedWithin },
        ],
      },
    ],
  };
}

function criterionStep(prefix: string, prompts: [string, string][]): CriterionInput[] {
  return [
    {
      kind: 'checklist',
      id: `${prefix}-prompts`,
      label: 'Những nội dung cần đánh giá (đánh dấu nội dung bài viết đã đề cập)',
      prompts: prompts.map(([id, text]) => ({ id, text })),
    },
    {
      kind: 'longText',
      id: `${prefix}-results`,
      label: RESULTS_LABEL,
      required: true,
      placeholder: 'Mỗi đoạn một dòng; dòng bắt đầu bằng "-" hoặc "+" là một ý liệt kê.',
    },
    {
      kind: 'longText',
      id: `${prefix}-limitations`,
      label: LIMITATIONS_LABEL,
      heading: LIMITATIONS_HEADING,
    },
  ];
}

// The second and third deliverables of guidance III.2: the summary of good models and
// effective practices (its own document) and the list of materials used (that
// document's appendix; the materials themselves go on paper).
const MODELS_DOCUMENT = 'models';

const modelsStep = {
  id: 'models',
  shortTitle: 'Mô hình hay, cách làm hiệu quả',
  title: 'Báo cáo tổng hợp các mô hình hay, cách làm hiệu quả',
  intro:
    'Văn bản riêng, gửi kèm báo cáo sơ kết (mục III.2 của hướng dẫn). Mỗi mô hình, cách làm là một mục, có hình ảnh minh họa.',
  document: MODELS_DOCUMENT,
  criteria: [
    {
      kind: 'text',
      id: 'models-document-number',
      label: 'Số văn bản của báo cáo mô hình',
      maxLength: 10,
      help: 'Số riêng của văn bản này; để trống nếu sẽ điền tay sau khi in.',
    },
    {
      kind: 'longText',
      id: 'models-opening',
      label: 'Đoạn mở đầu',
      maxLength: 3000,
      default:
        'Thực hiện Hướng dẫn của Ban Thường vụ Tỉnh Đoàn về sơ kết 5 năm thực hiện Nghị quyết 01-NQ/ĐTN, Ban Thường vụ {unit} tổng hợp các mô hình hay, cách làm hiệu quả trong quá trình thực hiện Nghị quyết như sau:',
    },
    {
      kind: 'group',
      id: 'models',
      label: 'Các mô hình hay, cách làm hiệu quả',
      required: true,
      itemLabel: 'Mô hình',
      addLabel: 'Thêm mô hình',
      titleField: 'name',
      maxItems: 30,
      fields: [
        { kind: 'text', id: 'name', label: 'Tên mô hình, cách làm', required: true },
        {
          kind: 'text',
          id: 'where-since',
          label: 'Địa bàn (xã, đơn vị) và thời gian bắt đầu',
          heading: 'Địa bàn, thời gian thực hiện',
          placeholder: 'Ví dụ: Xã Vĩnh Hưng, từ tháng 3/2010',
        },
        {
          kind: 'text',
          id: 'run-by',
          label: 'Đơn vị, người thực hiện',
          heading: 'Đơn vị thực hiện',
        },
        {
          kind: 'longText',
          id: 'content',
          label: 'Nội dung, cách thức thực hiện',
          heading: 'Nội dung, cách thức thực hiện',
          maxLength: 10000,
        },
        {
          kind: 'longText',
          id: 'results',
          label: 'Kết quả đạt được (có số liệu cụ thể)',
          heading: 'Kết quả đạt được',
          maxLength: 10000,
        },
        {
          kind: 'longText',
          id: 'why-replicable',
          label: 'Vì sao hiệu quả; khả năng nhân rộng',
          heading: 'Vì sao hiệu quả, khả năng nhân rộng',
          maxLength: 5000,
        },
        {
          kind: 'choice',
          id: 'serves',
          label: 'Phục vụ nội dung nào của Nghị quyết',
          heading: 'Nội dung Nghị quyết',
          options: [
            { value: 'ii-2-1', label: 'II.2.1. Cán bộ chi đoàn, Đoàn cơ sở' },
            { value: 'ii-2-2', label: 'II.2.2. Đoàn viên' },
            { value: 'ii-2-3-1', label: 'II.2.3.1. Củng cố tổ chức cơ sở Đoàn' },
            { value: 'ii-2-3-2', label: 'II.2.3.2. Đổi mới nội dung, phương thức hoạt động' },
          ],
        },
        { kind: 'imageList', id: 'photos', label: 'Hình ảnh', maxItems: 6 },
      ],
    },
  ],
} satisfies TemplateInput['steps'][number];

const materialsStep = {
  id: 'materials',
  shortTitle: 'Ấn phẩm, tài liệu tuyên truyền',
  title: 'Ấn phẩm, sản phẩm, tài liệu tuyên truyền đã sử dụng',
  intro:
    'Ấn phẩm, tài liệu gửi bản giấy theo đường văn thư; ở đây lập danh mục, in làm phụ lục của báo cáo mô hình.',
  document: MODELS_DOCUMENT,
  isAppendix: true,
  criteria: [
    {
      kind: 'group',
      id: 'materials',
      label: 'Danh mục ấn phẩm, sản phẩm, tài liệu',
      itemLabel: 'Ấn phẩm',
      addLabel: 'Thêm ấn phẩm, tài liệu',
      titleField: 'title',
      maxItems: 100,
      print: 'table',
      fields: [
        { kind: 'text', id: 'title', label: 'Tên ấn phẩm, tài liệu', required: true },
        {
          kind: 'choice',
          id: 'type',
          label: 'Loại',
          options: [
            { value: 'an-pham', label: 'Ấn phẩm' },
            { value: 'san-pham', label: 'Sản phẩm' },
            { value: 'tai-lieu', label: 'Tài liệu' },
          ],
        },
        { kind: 'text', id: 'quantity', label: 'Số lượng', maxLength: 12, numeric: true },
        { kind: 'date', id: 'date', label: 'Thời gian phát hành' },
        { kind: 'text', id: 'note', label: 'Ghi chú', maxLength: 300 },
        { kind: 'imageList', id: 'photo', label: 'Ảnh (không bắt buộc)', maxItems: 1 },
      ],
    },
  ],
} satisfies TemplateInput['steps'][number];

export const soKet5NamNq01BacLieu = {
  id: 'so-ket-5-nam-nq01-bac-lieu',
  version: 1,
  name: 'Sơ kết 5 năm thực hiện Nghị quyết 01-NQ/ĐTN',
  documentType: 'BÁO CÁO',
  subject:
    'Sơ kết 5 năm thực hiện Nghị quyết 01-NQ/ĐTN của Ban Chấp hành Tỉnh Đoàn Bạc Liêu khóa VIII về “Nâng cao chất lượng tổ chức cơ sở Đoàn”',
  recipientEmail: 'btckt2012@gmail.com',
  units: [
    {
      id: 'thanh-doan-bac-lieu',
      name: 'Thành Đoàn Bạc Liêu',
      issuingBody: 'BCH THÀNH ĐOÀN BẠC LIÊU',
      place: 'Bạc Liêu',
    },
    {
      id: 'huyen-doan-vinh-loi',
      name: 'Huyện Đoàn Vĩnh Lợi',
      issuingBody: 'BCH ĐOÀN HUYỆN VĨNH LỢI',
      place: 'Vĩnh Lợi',
    },
    {
      id: 'huyen-doan-hoa-binh',
      name: 'Huyện Đoàn Hòa Bình',
      issuingBody: 'BCH ĐOÀN HUYỆN HÒA BÌNH',
      place: 'Hòa Bình',
    },
    {
      id: 'huyen-doan-gia-rai',
      name: 'Huyện Đoàn Giá Rai',
      issuingBody: 'BCH ĐOÀN HUYỆN GIÁ RAI',
      place: 'Giá Rai',
    },
    {
      id: 'huyen-doan-phuoc-long',
      name: 'Huyện Đoàn Phước Long',
      issuingBody: 'BCH ĐOÀN HUYỆN PHƯỚC LONG',
      place: 'Phước Long',
    },
    {
      id: 'huyen-doan-hong-dan',
      name: 'Huyện Đoàn Hồng Dân',
      issuingBody: 'BCH ĐOÀN HUYỆN HỒNG DÂN',
      place: 'Hồng Dân',
    },
    {
      id: 'huyen-doan-dong-hai',
      name: 'Huyện Đoàn Đông Hải',
      issuingBody: 'BCH ĐOÀN HUYỆN ĐÔNG HẢI',
      place: 'Đông Hải',
    },
  ],
  unitNameRules: { otherIssuingBodyPrefix: 'BCH ' },
  reviewYears: ['2009', '2010', '2011', '2012', '2013'],
  partialLastYear: true,
  exportFilePrefix: 'BC-so-ket-NQ01',
  appendixTitle: 'PHỤ LỤC SỐ LIỆU SƠ KẾT 5 NĂM THỰC HIỆN NGHỊ QUYẾT 01-NQ/ĐTN',
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
  steps: [
    {
      id: 'document-info',
      shortTitle: 'Thông tin văn bản',
      title: 'Thông tin văn bản',
      intro: 'Phần đầu và phần cuối của văn bản theo thể thức văn bản của Đoàn.',
      criteria: [
        {
          kind: 'text',
          id: 'superior-body',
          label: 'Cơ quan cấp trên',
          required: true,
          uppercase: true,
          default: 'TỈNH ĐOÀN BẠC LIÊU',
        },
        {
          kind: 'text',
          id: 'issuing-body',
          label: 'Cơ quan ban hành',
          required: true,
          uppercase: true,
          defaultFrom: 'unitIssuingBody',
        },
        {
          kind: 'text',
          id: 'document-number',
          label: 'Số văn bản',
          maxLength: 10,
          help: 'Để trống nếu sẽ điền tay sau khi in.',
        },
        {
          kind: 'text',
          id: 'document-symbol',
          label: 'Ký hiệu văn bản',
          required: true,
          maxLength: 30,
          default: 'BC/ĐTN',
        },
        {
          kind: 'text',
          id: 'place',
          label: 'Địa danh',
          required: true,
          maxLength: 60,
          defaultFrom: 'unitPlace',
        },
        {
          kind: 'date',
          id: 'document-date',
          label: 'Ngày ban hành',
          required: true,
          defaultYear: '2013',
          help: 'Có thể để trống ngày, tháng để điền tay.',
        },
        {
          kind: 'text',
          id: 'signing-line',
          label: 'Quyền hạn ký',
          required: true,
          uppercase: true,
          default: 'TM. BAN THƯỜNG VỤ',
        },
        {
          kind: 'choice',
          id: 'signer-position',
          label: 'Chức vụ người ký',
          required: true,
          default: 'bi-thu',
          options: [
            { value: 'bi-thu', label: 'BÍ THƯ' },
            { value: 'pho-bi-thu', label: 'PHÓ BÍ THƯ' },
          ],
        },
        {
          kind: 'text',
          id: 'signer-name',
          label: 'Họ và tên người ký',
          required: true,
          maxLength: 80,
        },
        {
          kind: 'list',
          id: 'recipients',
          label: 'Nơi nhận',
          required: true,
          help: 'Mỗi dòng một nơi nhận, cấp trên trước; dòng cuối là nơi lưu.',
          default: [
            'Ban Thường vụ Tỉnh Đoàn (b/c)',
            'Ban Tổ chức Tỉnh Đoàn (b/c)',
            'Thường trực cấp ủy cùng cấp (b/c)',
            'Lưu VP',
          ],
        },
        {
          kind: 'choice',
          id: 'header-layout',
          label: 'Kiểu phần đầu văn bản',
          required: true,
          default: 'rules-2013',
          options: [
            {
              value: 'rules-2013',
              label:
                'Theo quy định năm 2013 (tên cơ quan bên trái, “ĐOÀN TNCS HỒ CHÍ MINH” bên phải)',
            },
            {
              value: 'older',
              label: 'Kiểu cũ (“ĐOÀN TNCS HỒ CHÍ MINH” trên tên cơ quan, bên trái)',
            },
          ],
        },
      ],
    },
    {
      id: 'opening',
      shortTitle: 'Mở đầu',
      title: 'Mở đầu',
      criteria: [
        {
          kind: 'longText',
          id: 'opening',
          label: 'Đoạn mở đầu',
          required: true,
          maxLength: 3000,
          default:
            'Thực hiện Hướng dẫn của Ban Thường vụ Tỉnh Đoàn Bạc Liêu ngày 22 tháng 8 năm 2013 về việc sơ kết 5 năm triển khai thực hiện Nghị quyết 01-NQ/ĐTN ngày 16 tháng 9 năm 2009 của Ban Chấp hành Tỉnh Đoàn Bạc Liêu khóa VIII về “Nâng cao chất lượng tổ chức cơ sở Đoàn”, Ban Thường vụ {unit} báo cáo kết quả 5 năm triển khai thực hiện Nghị quyết như sau:',
        },
      ],
    },
    {
      id: 'situation',
      shortTitle: 'I. Đặc điểm tình hình',
      title: 'Phần I – Đặc điểm tình hình',
      intro:
        'Không bắt buộc: số Đoàn cơ sở, chi đoàn, đoàn viên, thanh niên trên địa bàn; thuận lợi, khó khăn.',
      headings: [{ level: 'section', number: 'I.', title: 'ĐẶC ĐIỂM TÌNH HÌNH' }],
      criteria: [{ kind: 'longText', id: 'situation', label: 'Đặc điểm tình hình' }],
    },
    {
      id: 'direction',
      shortTitle: 'II.1. Công tác chỉ đạo',
      title: 'II.1. Công tác chỉ đạo triển khai Nghị quyết',
      headings: [
        PART_II,
        { level: 'item', number: '1.', title: 'Công tác chỉ đạo triển khai Nghị quyết' },
      ],
      criteria: criterionStep('direction', [
        [
          'plan',
          'Công tác xây dựng kế hoạch thực hiện Nghị quyết phù hợp với tình hình thực tế của địa phương, đơn vị.',
        ],
        [
          'dissemination',
          'Việc triển khai quán triệt Nghị quyết; tổ chức tập huấn kỹ năng, nghiệp vụ, kiến thức về tổ chức cơ sở Đoàn cho cán bộ Đoàn và đoàn viên, thanh niên.',
        ],
        [
          'programmes',
          'Việc cụ thể hoá Nghị quyết 01 thành các chương trình hoặc kế hoạch và tổ chức thực hiện trong cán bộ đoàn, đoàn viên, thanh niên tại địa phương, đơn vị.',
        ],
      ]),
    },
    {
      id: 'cadres',
      shortTitle: 'II.2.1. Cán bộ chi đoàn, Đoàn cơ sở',
      title: 'II.2.1. Cán bộ chi đoàn, Đoàn cơ sở',
      headings: [
        PART_II,
        ITEM_II_2,
        { level: 'subItem', number: '2.1.', title: 'Cán bộ chi đoàn, Đoàn cơ sở' },
      ],
      criteria: criterionStep('cadres', [
        [
          'situation',
          'Tình hình đội ngũ cán bộ Đoàn ở cơ sở từ khi thực hiện Nghị quyết: chuyển biến về số lượng, chất lượng chuyên môn, kỹ năng nghiệp vụ, phẩm chất chính trị.',
        ],
        [
          'development',
          'Công tác phát triển, tạo nguồn, bồi dưỡng cán bộ; chuẩn hóa cán bộ chi đoàn, Đoàn cơ sở về độ tuổi, trình độ, lý luận chính trị, đạo đức, kỹ năng theo Quy chế cán bộ Đoàn và yêu cầu trẻ hóa.',
        ],
        [
          'planning',
          'Công tác rà soát, đánh giá, quy hoạch cán bộ chi đoàn và Đoàn cơ sở, nhất là việc luân chuyển Bí thư Đoàn cấp xã.',
        ],
        [
          'style',
          'Đổi mới phong cách, phương pháp làm việc của cán bộ chi đoàn, Đoàn cơ sở với phương châm “Nói đi đôi với làm”.',
        ],
        [
          'training',
          'Đào tạo, bồi dưỡng, tập huấn theo chức danh cán bộ Đoàn cho bí thư Đoàn cơ sở, bí thư chi đoàn; biên soạn, trang bị tài liệu nghiệp vụ, thông tin.',
        ],
        ['contests', 'Việc tổ chức các cuộc thi, hội thi bí thư chi đoàn, Đoàn cơ sở giỏi.'],
        [
          'advising',
          'Tham mưu cấp ủy, chính quyền tạo điều kiện cho cán bộ chi đoàn, Đoàn cơ sở được đào tạo, bồi dưỡng nâng cao trình độ; các chính sách cho cán bộ.',
        ],
        ['commendation', 'Công tác khen thưởng đội ngũ cán bộ chi đoàn, Đoàn cơ sở xuất sắc.'],
      ]),
    },
    {
      id: 'members',
      shortTitle: 'II.2.2. Đoàn viên',
      title: 'II.2.2. Đoàn viên',
      headings: [PART_II, ITEM_II_2, { level: 'subItem', number: '2.2.', title: 'Đoàn viên' }],
      criteria: criterionStep('members', [
        [
          'admission',
          'Nâng cao chất lượng kết nạp đoàn viên: quy trình, thủ tục, lớp tìm hiểu về Đoàn, lễ kết nạp trang trọng; kết quả phát triển đoàn viên trên địa bàn dân cư, trong thanh niên công nhân, lao động trẻ.',
        ],
        [
          'training-programme',
          '“Chương trình rèn luyện đoàn viên trong thời kỳ mới” gắn với cuộc vận động “Tuổi trẻ Bạc Liêu học tập và làm theo lời Bác”, học tập 6 bài học lý luận chính trị; kết quả xếp loại đoàn viên hằng năm.',
        ],
        [
          'party',
          'Cuộc vận động “Đoàn viên thanh niên phấn đấu trở thành đảng viên Đảng Cộng sản Việt Nam”; chất lượng bồi dưỡng đoàn viên ưu tú giới thiệu cho Đảng xem xét kết nạp.',
        ],
        [
          'management',
          'Quản lý đoàn viên: chấn chỉnh sổ sách, hồ sơ quản lý đoàn viên, đoàn phí, sử dụng thẻ đoàn viên theo Điều lệ Đoàn.',
        ],
        [
          'attitude',
          'Tình hình tư tưởng, tính tích cực, tự giác của đoàn viên trong mọi hoạt động của Đoàn.',
        ],
      ]),
    },
    {
      id: 'consolidation',
      shortTitle: 'II.2.3.1. Củng cố tổ chức cơ sở Đoàn',
      title: 'II.2.3.1. Củng cố tổ chức cơ sở Đoàn',
      headings: [
        PART_II,
        ITEM_II_2,
        SUB_II_2_3,
        { level: 'subSubItem', number: '2.3.1.', title: 'Củng cố tổ chức cơ sở Đoàn' },
      ],
      criteria: criterionStep('consolidation', [
        [
          'rating',
          'Kết quả khảo sát, đánh giá, phân loại chất lượng chi đoàn, Đoàn cơ sở; củng cố cơ sở Đoàn yếu kém; thành lập chi đoàn ở nơi chưa có tổ chức Đoàn.',
        ],
        [
          'routine',
          'Công tác đoàn vụ, nề nếp sinh hoạt chi đoàn, họp Ban Chấp hành chi đoàn, Đoàn cơ sở theo Điều lệ Đoàn.',
        ],
        [
          'strong-branches',
          'Kết quả cuộc vận động “Xây dựng chi đoàn mạnh”; đề xuất điều chỉnh hoặc thí điểm nhiệm kỳ đại hội chi đoàn, Đoàn cơ sở.',
        ],
        [
          'special-areas',
          'Phát triển tổ chức Đoàn, Hội ở khu vực đặc thù: khu công nghiệp, khu chế xuất, doanh nghiệp ngoài quốc doanh, cơ sở đào tạo theo học chế tín chỉ.',
        ],
        [
          'boarding-houses',
          'Mô hình chi đoàn khu nhà trọ, khu tập thể công nhân lao động, chi đoàn công nhân trên địa bàn dân cư; tổ chức Đoàn trong các đội, nhóm, câu lạc bộ thanh niên.',
        ],
      ]),
    },
    {
      id: 'renewal',
      shortTitle: 'II.2.3.2. Đổi mới nội dung, phương thức',
      title: 'II.2.3.2. Đổi mới nội dung, phương thức hoạt động',
      headings: [
        PART_II,
        ITEM_II_2,
        SUB_II_2_3,
        { level: 'subSubItem', number: '2.3.2.', title: 'Đổi mới nội dung, phương thức hoạt động' },
      ],
      criteria: criterionStep('renewal', [
        [
          'activities',
          'Đổi mới nội dung, phương thức sinh hoạt, hoạt động chi đoàn, Đoàn cơ sở gắn với nhu cầu, lợi ích của đoàn viên thanh niên và nhiệm vụ chính trị của địa phương, đơn vị.',
        ],
        [
          'coordination',
          'Phát huy vai trò đoàn viên; phối hợp giữa tổ chức Đoàn trong cơ quan, doanh nghiệp, trường học, lực lượng vũ trang với tổ chức Đoàn trên địa bàn dân cư.',
        ],
        [
          'four-proactive',
          'Xây dựng tổ chức cơ sở Đoàn “4 chủ động”: nắm bắt tình hình, xây dựng kế hoạch, thực hiện nhiệm vụ, tham mưu cấp ủy và phối hợp trong công tác thanh niên.',
        ],
        [
          'supervision',
          'Kiểm tra, hướng dẫn sinh hoạt chi đoàn; chương trình công tác tháng, quý theo chủ đề, chủ điểm; đối thoại giữa Bí thư Đoàn cơ sở với đoàn viên thanh niên.',
        ],
      ]),
    },
    {
      id: 'targets',
      shortTitle: 'II.3. Kết quả thực hiện mục tiêu',
      title: 'II.3. Kết quả thực hiện các mục tiêu của Nghị quyết',
      intro:
        'So sánh với chỉ tiêu Nghị quyết, theo từng năm: tỷ lệ tập hợp thanh niên, chất lượng tổ chức cơ sở Đoàn, cán bộ, đoàn viên, đoàn viên ưu tú giới thiệu cho Đảng. Số liệu chi tiết ở Phụ lục.',
      headings: [
        PART_II,
        { level: 'item', number: '3.', title: 'Kết quả thực hiện các mục tiêu của Nghị quyết' },
      ],
      companion: 'appendixSummary',
      criteria: [
        {
          kind: 'longText',
          id: 'targets-narrative',
          label: 'Đánh giá kết quả so với mục tiêu',
          required: true,
        },
      ],
    },
    {
      id: 'assessment',
      shortTitle: 'III. Đánh giá chung',
      title: 'III. Đánh giá chung',
      headings: [{ level: 'section', number: 'III.', title: 'ĐÁNH GIÁ CHUNG' }],
      criteria: [
        {
          kind: 'longText',
          id: 'strengths',
          label: 'Ưu điểm',
          required: true,
          heading: '1. Ưu điểm',
        },
        {
          kind: 'longText',
          id: 'limitations',
          label: 'Hạn chế, khó khăn',
          required: true,
          heading: '2. Hạn chế, khó khăn',
        },
        {
          kind: 'longText',
          id: 'causes-objective',
          label: 'Nguyên nhân khách quan',
          heading: '3. Nguyên nhân khách quan',
        },
        {
          kind: 'longText',
          id: 'causes-subjective',
          label: 'Nguyên nhân chủ quan',
          heading: '4. Nguyên nhân chủ quan',
        },
        {
          kind: 'longText',
          id: 'lessons',
          label: 'Bài học kinh nghiệm',
          required: true,
          heading: '5. Bài học kinh nghiệm',
        },
      ],
    },
    {
      id: 'directions',
      shortTitle: 'IV. Phương hướng, nhiệm vụ',
      title: 'IV. Phương hướng, nhiệm vụ, giải pháp thời gian tới',
      headings: [
        {
          level: 'section',
          number: 'IV.',
          title: 'PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI',
        },
      ],
      criteria: [
        {
          kind: 'longText',
          id: 'directions',
          label: 'Phương hướng, nhiệm vụ, giải pháp',
          required: true,
          help: 'Mục tiêu, nhiệm vụ, giải pháp trọng tâm tiếp tục thực hiện Nghị quyết trong thời gian tới.',
        },
      ],
    },
    {
      id: 'proposals',
      shortTitle: 'V. Đề xuất, kiến nghị',
      title: 'V. Đề xuất, kiến nghị',
      headings: [{ level: 'section', number: 'V.', title: 'ĐỀ XUẤT, KIẾN NGHỊ' }],
      criteria: [{ kind: 'longText', id: 'proposals', label: 'Đề xuất, kiến nghị' }],
    },
    {
      id: 'appendix-youth',
      shortTitle: 'Phụ lục 1. Tập hợp thanh niên',
      title: 'Phụ lục 1. Tập hợp thanh niên',
      intro: APPENDIX_INTRO,
      criteria: [
        {
          kind: 'indicatorTable',
          id: 'youth-table',
          label: 'Tập hợp thanh niên',
          indicators: [
            {
              id: 'youth-total',
              label: 'Thanh niên từ 16 đến 30 tuổi trên địa bàn',
              unit: 'count',
            },
            { id: 'youth-members', label: 'Đoàn viên', unit: 'count' },
            { id: 'youth-federation', label: 'Hội viên Hội LHTN Việt Nam', unit: 'count' },
            {
              id: 'youth-clubs',
              label: 'Thanh niên trong câu lạc bộ, đội, nhóm do Đoàn hướng dẫn',
              unit: 'count',
            },
            { id: 'youth-gathered', label: 'Tổng số thanh niên được tập hợp', unit: 'count' },
            {
              id: 'youth-gathered-rate',
              label: 'Tỷ lệ tập hợp thanh niên',
              unit: 'percent',
              computed: { numerator: ['youth-gathered'], denominator: ['youth-total'] },
              target: 'atLeast',
            },
            {
              id: 'youth-members-share',
              label: 'Tỷ lệ đoàn viên trong thanh niên trên địa bàn',
              unit: 'percent',
              computed: { numerator: ['youth-members'], denominator: ['youth-total'] },
              target: 'atLeast',
            },
          ],
          rules: [
            { kind: 'partOfWhole', part: 'youth-gathered', whole: ['youth-total'] },
            { kind: 'partOfWhole', part: 'youth-members', whole: ['youth-total'] },
          ],
        },
      ],
    },
    {
      id: 'appendix-organisations',
      shortTitle: 'Phụ lục 2. Tổ chức cơ sở Đoàn',
      title: 'Phụ lục 2. Tổ chức cơ sở Đoàn',
      intro: APPENDIX_INTRO,
      criteria: [
        {
          kind: 'indicatorTable',
          id: 'organisations-table',
          label: 'Tổ chức cơ sở Đoàn',
          indicators: [
            { id: 'org-unions', label: 'Đoàn cơ sở', unit: 'count' },
            { id: 'org-grassroots-branches', label: 'Chi đoàn cơ sở', unit: 'count' },
            {
              id: 'org-branches-under-unions',
              label: 'Chi đoàn trực thuộc Đoàn cơ sở',
              unit: 'count',
            },
            {
              id: 'org-new',
              label: 'Tổ chức cơ sở Đoàn, chi đoàn thành lập mới trong năm',
              unit: 'count',
              measure: 'flow',
            },
            {
              id: 'org-industrial',
              label: 'Tổ chức Đoàn trong khu công nghiệp, doanh nghiệp ngoài nhà nước',
              unit: 'count',
            },
            {
              id: 'org-boarding',
              label: 'Chi đoàn khu nhà trọ, khu tập thể công nhân',
              unit: 'count',
            },
          ],
        },
      ],
    },
    organisationRatingsStep({
      stepId: 'appendix-union-ratings',
      number: 3,
      tableId: 'union-ratings-table',
      label: 'Xếp loại cơ sở Đoàn',
      prefix: 'ur',
      ratedLabel: 'Số cơ sở Đoàn được xếp loại',
      ratedWithin: ['org-unions', 'org-grassroots-branches'],
    }),
    organisationRatingsStep({
      stepId: 'appendix-branch-ratings',
      number: 4,
      tableId: 'branch-ratings-table',
      label: 'Xếp loại chi đoàn',
      prefix: 'br',
      ratedLabel: 'Số chi đoàn được xếp loại',
      ratedWithin: ['org-grassroots-branches', 'org-branches-under-unions'],
    }),
    {
      id: 'appendix-cadres',
      shortTitle: 'Phụ lục 5. Cán bộ Đoàn cơ sở',
      title: 'Phụ lục 5. Cán bộ Đoàn cơ sở',
      intro: APPENDIX_INTRO,
      criteria: [
        {
          kind: 'indicatorTable',
          id: 'cadres-table',
          label: 'Cán bộ Đoàn cơ sở',
          indicators: [
            { id: 'cad-union-secretaries', label: 'Bí thư, phó bí thư Đoàn cơ sở', unit: 'count' },
            { id: 'cad-branch-secretaries', label: 'Bí thư, phó bí thư chi đoàn', unit: 'count' },
            {
              id: 'cad-trained',
              label: 'Cán bộ được tập huấn, bồi dưỡng trong năm',
              unit: 'count',
              measure: 'flow',
            },
            {
              id: 'cad-degree',
              label: 'Có trình độ chuyên môn từ trung cấp trở lên',
              unit: 'count',
            },
            {
              id: 'cad-theory',
              label: 'Có trình độ lý luận chính trị từ trung cấp trở lên',
              unit: 'count',
            },
            { id: 'cad-party', label: 'Là đảng viên', unit: 'count' },
            {
              id: 'cad-courses',
              label: 'Số lớp tập huấn, bồi dưỡng được tổ chức',
              unit: 'count',
              measure: 'flow',
            },
            {
              id: 'cad-attendees',
              label: 'Số lượt cán bộ tham dự',
              unit: 'count',
              measure: 'flow',
            },
            {
              id: 'cad-contests',
              label: 'Số hội thi bí thư chi đoàn giỏi được tổ chức',
              unit: 'count',
              measure: 'flow',
            },
            // Issue 12: what the guidance's section 2.1 asks about and the table lacked.
            {
              id: 'cad-standard',
              label:
                'Cán bộ đạt chuẩn theo Quy chế cán bộ Đoàn (độ tuổi, trình độ chuyên môn, lý luận chính trị)',
              unit: 'count',
            },
            {
              id: 'cad-commune-secretaries',
              label: 'Trong đó: bí thư Đoàn xã, phường, thị trấn',
              unit: 'count',
            },
            {
              id: 'cad-commune-rotated',
              label: 'Bí thư Đoàn cấp xã được luân chuyển trong năm',
              unit: 'count',
              measure: 'flow',
            },
            {
              id: 'cad-trained-union-secretaries',
              label:
                'Trong đó: bí thư, phó bí thư Đoàn cơ sở được đào tạo, bồi dưỡng theo chức danh',
              unit: 'count',
              measure: 'flow',
            },
            {
              id: 'cad-trained-branch-secretaries',
              label: 'Trong đó: bí thư, phó bí thư chi đoàn được đào tạo, bồi dưỡng theo chức danh',
              unit: 'count',
              measure: 'flow',
            },
            ...['degree', 'theory', 'party'].map((part) => ({
              id: `cad-${part}-share`,
              label: `Tỷ lệ cán bộ ${part === 'degree' ? 'có trình độ chuyên môn từ trung cấp' : part === 'theory' ? 'có lý luận chính trị từ trung cấp' : 'là đảng viên'}`,
              unit: 'percent' as const,
              computed: { numerator: [`cad-${part}`], denominator: CADRES },
              target: 'atLeast' as const,
            })),
            {
              id: 'cad-standard-share',
              label: 'Tỷ lệ cán bộ đạt chuẩn theo Quy chế cán bộ Đoàn',
              unit: 'percent',
              computed: { numerator: ['cad-standard'], denominator: CADRES },
              target: 'atLeast',
            },
            {
              id: 'cad-commune-rotated-share',
              label: 'Tỷ lệ bí thư Đoàn cấp xã được luân chuyển',
              unit: 'percent',
              computed: {
                numerator: ['cad-commune-rotated'],
                denominator: ['cad-commune-secretaries'],
              },
            },
            {
              id: 'cad-trained-union-share',
              label: 'Tỷ lệ bí thư, phó bí thư Đoàn cơ sở được đào tạo, bồi dưỡng theo chức danh',
              unit: 'percent',
              computed: {
                numerator: ['cad-trained-union-secretaries'],
                denominator: ['cad-union-secretaries'],
              },
              target: 'atLeast',
            },
            {
              id: 'cad-trained-branch-share',
              label: 'Tỷ lệ bí thư, phó bí thư chi đoàn được đào tạo, bồi dưỡng theo chức danh',
              unit: 'percent',
              computed: {
                numerator: ['cad-trained-branch-secretaries'],
                denominator: ['cad-branch-secretaries'],
              },
              target: 'atLeast',
            },
          ],
          rules: [
            { kind: 'partOfWhole', part: 'cad-degree', whole: CADRES },
            { kind: 'partOfWhole', part: 'cad-theory', whole: CADRES },
            { kind: 'partOfWhole', part: 'cad-party', whole: CADRES },
            { kind: 'partOfWhole', part: 'cad-standard', whole: CADRES },
            {
              kind: 'partOfWhole',
              part: 'cad-commune-secretaries',
              whole: ['cad-union-secretaries'],
            },
            {
              kind: 'partOfWhole',
              part: 'cad-commune-rotated',
              whole: ['cad-commune-secretaries'],
            },
            {
              kind: 'partOfWhole',
              part: 'cad-trained-union-secretaries',
              whole: ['cad-union-secretaries'],
            },
            {
              kind: 'partOfWhole',
              part: 'cad-trained-branch-secretaries',
              whole: ['cad-branch-secretaries'],
            },
            { kind: 'partOfWhole', part: 'cad-trained-union-secretaries', whole: ['cad-trained'] },
            { kind: 'partOfWhole', part: 'cad-trained-branch-secretaries', whole: ['cad-trained'] },
          ],
        },
      ],
    },
    {
      id: 'appendix-members',
      shortTitle: 'Phụ lục 6. Đoàn viên',
      title: 'Phụ lục 6. Đoàn viên',
      intro: APPENDIX_INTRO,
      criteria: [
        {
          kind: 'indicatorTable',
          id: 'members-table',
          label: 'Đoàn viên',
          indicators: [
            { id: 'mem-total', label: 'Tổng số đoàn viên', unit: 'count' },
            {
              id: 'mem-admitted',
              label: 'Đoàn viên kết nạp mới trong năm',
              unit: 'count',
              measure: 'flow',
            },
            { id: 'mem-rated', label: 'Số đoàn viên được xếp loại', unit: 'count' },
            { id: 'mem-excellent', label: 'Xuất sắc', unit: 'count' },
            { id: 'mem-good', label: 'Khá', unit: 'count' },
            { id: 'mem-average', label: 'Trung bình', unit: 'count' },
            { id: 'mem-weak', label: 'Yếu', unit: 'count' },
            {
              id: 'mem-lessons',
              label: 'Đoàn viên học tập 6 bài học lý luận chính trị',
              unit: 'count',
            },
            { id: 'mem-dues', label: 'Đoàn viên đóng đoàn phí đúng quy định', unit: 'count' },
            { id: 'mem-cards', label: 'Đoàn viên sử dụng thẻ đoàn viên', unit: 'count' },
            ...ratingShares('mem', ['excellent', 'good'], 'Xuất sắc và khá', [
              'excellent',
              'good',
              'average',
            ]),
            {
              id: 'mem-lessons-share',
              label: 'Tỷ lệ đoàn viên học tập 6 bài học lý luận chính trị',
              unit: 'percent',
              computed: { numerator: ['mem-lessons'], denominator: ['mem-total'] },
              target: 'atLeast',
            },
            {
              id: 'mem-dues-share',
              label: 'Tỷ lệ đoàn viên đóng đoàn phí đúng quy định',
              unit: 'percent',
              computed: { numerator: ['mem-dues'], denominator: ['mem-total'] },
              target: 'atLeast',
            },
            {
              id: 'mem-cards-share',
              label: 'Tỷ lệ đoàn viên sử dụng thẻ đoàn viên',
              unit: 'percent',
              computed: { numerator: ['mem-cards'], denominator: ['mem-total'] },
              target: 'atLeast',
            },
          ],
          rules: [
            {
              kind: 'partsMakeWhole',
              parts: ['mem-excellent', 'mem-good', 'mem-average', 'mem-weak'],
              whole: 'mem-rated',
            },
            { kind: 'partOfWhole', part: 'mem-rated', whole: ['mem-total'] },
            { kind: 'partOfWhole', part: 'mem-lessons', whole: ['mem-total'] },
            { kind: 'partOfWhole', part: 'mem-admitted', whole: ['mem-total'] },
            { kind: 'partOfWhole', part: 'mem-dues', whole: ['mem-total'] },
            { kind: 'partOfWhole', part: 'mem-cards', whole: ['mem-total'] },
          ],
        },
      ],
    },
    {
      id: 'appendix-party',
      shortTitle: 'Phụ lục 7. Giới thiệu đoàn viên ưu tú cho Đảng',
      title: 'Phụ lục 7. Giới thiệu đoàn viên ưu tú cho Đảng',
      intro: APPENDIX_INTRO,
      criteria: [
        {
          kind: 'indicatorTable',
          id: 'party-table',
          label: 'Giới thiệu đoàn viên ưu tú cho Đảng',
          indicators: [
            {
              id: 'party-introduced',
              label: 'Đoàn viên ưu tú được giới thiệu cho Đảng',
              unit: 'count',
              measure: 'flow',
            },
            {
              id: 'party-admitted',
              label: 'Trong đó được kết nạp Đảng',
              unit: 'count',
              measure: 'flow',
            },
            {
              id: 'party-new-total',
              label: 'Tổng số đảng viên mới kết nạp của Đảng bộ (nếu có)',
              unit: 'count',
              optional: true,
              measure: 'flow',
            },
            {
              id: 'party-admitted-rate',
              label: 'Tỷ lệ được kết nạp trên số được giới thiệu',
              unit: 'percent',
              computed: { numerator: ['party-admitted'], denominator: ['party-introduced'] },
              target: 'atLeast',
            },
            {
              id: 'party-member-share',
              label: 'Tỷ lệ đoàn viên trong tổng số đảng viên mới',
              unit: 'percent',
              computed: { numerator: ['party-admitted'], denominator: ['party-new-total'] },
              target: 'atLeast',
            },
          ],
          rules: [
            // "Trong đó": the admitted are among those introduced.
            { kind: 'partOfWhole', part: 'party-admitted', whole: ['party-introduced'] },
            { kind: 'partOfWhole', part: 'party-admitted', whole: ['party-new-total'] },
          ],
        },
      ],
    },
    modelsStep,
    materialsStep,
  ],
  documents: [
    {
      id: MODELS_DOCUMENT,
      name: 'Báo cáo mô hình hay, cách làm hiệu quả',
      title: 'BÁO CÁO',
      subject:
        'Tổng hợp các mô hình hay, cách làm hiệu quả trong 5 năm thực hiện Nghị quyết 01-NQ/ĐTN của Ban Chấp hành Tỉnh Đoàn Bạc Liêu khóa VIII',
      numberField: 'models-document-number',
      appendixTitle: 'DANH MỤC ẤN PHẨM, SẢN PHẨM, TÀI LIỆU TUYÊN TRUYỀN ĐÃ SỬ DỤNG',
      exportFilePrefix: 'BC-mo-hinh-NQ01',
    },
  ],
  // The province's own review (PROVINCE.md): issued by its Executive Committee, sent to the
  // Central Union, signed for the Standing Committee by the permanent deputy secretary.
  provinceLevel: {
    issuer: {
      id: 'tinh-doan-bac-lieu',
      name: 'Tỉnh Đoàn Bạc Liêu',
      issuingBody: 'BCH TỈNH BẠC LIÊU',
      place: 'Bạc Liêu',
    },
    reportName: 'Báo cáo sơ kết NQ01 của Tỉnh Đoàn Bạc Liêu',
    charts: ['mem-total', 'youth-gathered-rate'],
    suggestions: [
      {
        criterionId: 'situation',
        indicatorId: 'youth-total',
        sentence:
          'Toàn tỉnh có {value} thanh niên từ 16 đến 30 tuổi, {change} so với năm {firstYear}.',
      },
      {
        criterionId: 'members-results',
        indicatorId: 'mem-total',
        sentence: 'Toàn tỉnh có {value} đoàn viên, {change} so với năm {firstYear}.',
      },
      {
        criterionId: 'members-results',
        indicatorId: 'mem-admitted',
        sentence: 'Trong giai đoạn {period}, toàn tỉnh kết nạp {value} đoàn viên mới.',
      },
      {
        criterionId: 'consolidation-results',
        indicatorId: 'org-unions',
        sentence: 'Toàn tỉnh có {value} Đoàn cơ sở, {change} so với năm {firstYear}.',
      },
      {
        criterionId: 'targets-narrative',
        indicatorId: 'party-admitted',
        sentence:
          'Trong giai đoạn {period}, toàn tỉnh có {value} đoàn viên ưu tú được kết nạp vào Đảng.',
      },
    ],
    fields: {
      // The province has no superior body printed above it: "ĐOÀN TNCS HỒ CHÍ MINH" heads.
      'superior-body': { required: false, default: '' },
      'document-symbol': { default: 'BC/TĐTN' },
      'signer-position': {
        default: 'pho-bi-thu-thuong-truc',
        options: [
          { value: 'bi-thu', label: 'BÍ THƯ' },
          { value: 'pho-bi-thu', label: 'PHÓ BÍ THƯ' },
          { value: 'pho-bi-thu-thuong-truc', label: 'PHÓ BÍ THƯ THƯỜNG TRỰC' },
        ],
      },
      recipients: {
        default: [
          'Ban Bí thư TW Đoàn',
          'VP 1, VP 2 TW Đoàn',
          'Ban Tổ chức TW Đoàn',
          'TT Tỉnh Đoàn',
          'Các Đoàn trực thuộc',
          'Lưu BTC, VP',
        ],
      },
      opening: {
        default:
          'Thực hiện Nghị quyết 01-NQ/ĐTN ngày 16 tháng 9 năm 2009 của Ban Chấp hành Tỉnh Đoàn Bạc Liêu khóa VIII về “Nâng cao chất lượng tổ chức cơ sở Đoàn”, trên cơ sở báo cáo của các đơn vị trực thuộc, Ban Thường vụ Tỉnh Đoàn Bạc Liêu báo cáo kết quả 5 năm triển khai thực hiện Nghị quyết như sau:',
      },
      'models-opening': {
        default:
          'Trên cơ sở báo cáo của các đơn vị trực thuộc, Ban Thường vụ Tỉnh Đoàn Bạc Liêu tổng hợp các mô hình hay, cách làm hiệu quả trong 5 năm thực hiện Nghị quyết 01-NQ/ĐTN như sau:',
      },
    },
  },
} satisfies TemplateInput;
