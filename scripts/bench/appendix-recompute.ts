// What the UI recomputes on every keystroke in an appendix table: the appendix
// evaluated (rates, targets, rules) and the state of every step, after one cell changed. Median over many runs,
// on a report whose seven tables are filled for all five years, with every target, and
// 20 rows of the unit's own in each table (counts, typed percentages and rates of two
// rows, half of them with a target), all filled.
import { performance } from 'node:perf_hooks';
import {
  evaluateAppendix,
  type IndicatorTableValue,
  type CellValue,
  type CustomRow,
} from '@/domain/appendix/evaluate';
import { initialAnswers, type Answers } from '@/domain/report/answers';
import { reportProgress } from '@/domain/report/progress';
import type { CriterionOf } from '@/domain/template/template-schema';
import { defaultTemplate } from '@/templates/template-registry';
import { median } from './stats';
import type { BenchResult } from './types';

const WARMUP_RUNS = 50;
const TIMED_RUNS = 200;
export const CUSTOM_ROWS_PER_TABLE = 20;

// Plausible figures for a district Youth Union in the first review year; later years
// grow by 3% a year. Wholes made of parts are summed from them below.
const BASE: Record<string, number> = {
  'youth-total': 12000,
  'youth-members': 4000,
  'youth-federation': 3000,
  'youth-clubs': 1500,
  'youth-gathered': 8000,
  'org-unions': 40,
  'org-grassroots-branches': 60,
  'org-branches-under-unions': 300,
  'org-new': 5,
  'org-industrial': 3,
  'org-boarding': 2,
  'ur-strong': 50,
  'ur-good': 30,
  'ur-average': 10,
  'ur-weak': 5,
  'br-strong': 180,
  'br-good': 110,
  'br-average': 45,
  'br-weak': 15,
  'cad-union-secretaries': 80,
  'cad-branch-secretaries': 700,
  'cad-trained': 500,
  'cad-degree': 400,
  'cad-theory': 200,
  'cad-party': 300,
  'cad-courses': 10,
  'cad-attendees': 600,
  'cad-contests': 4,
  'cad-standard': 500,
  'cad-commune-secretaries': 60,
  'cad-commune-rotated': 5,
  'cad-trained-union-secretaries': 60,
  'cad-trained-branch-secretaries': 400,
  'mem-total': 4000,
  'mem-admitted': 600,
  'mem-excellent': 900,
  'mem-good': 2000,
  'mem-average': 800,
  'mem-weak': 100,
  'mem-lessons': 3500,
  'mem-dues': 3600,
  'mem-cards': 3800,
  'party-introduced': 120,
  'party-admitted': 100,
  'party-new-total': 300,
};

export function fullAppendixAnswers(): Answers {
  const years = defaultTemplate.reviewYears;
  const tables = defaultTemplate.steps.flatMap((step) =>
    step.criteria.filter(
      (criterion): criterion is CriterionOf<'indicatorTable'> =>
        criterion.kind === 'indicatorTable',
    ),
  );
  const answers: Answers = initialAnswers(defaultTemplate, {
    id: 'huyen-doan-hong-dan',
    name: 'Huyện Đoàn Hồng Dân',
  });
  for (const table of tables) {
    const cells: Record<string, Record<string, CellValue>> = {};
    const targets: Record<string, CellValue> = {};
    for (const indicator of table.indicators) {
      if (indicator.target) targets[indicator.id] = indicator.target === 'atLeast' ? 50 : 10;
      if (indicator.computed) continue;
      const row: Record<string, CellValue> = {};
      years.forEach((year, index) => {
        row[year] = Math.round((BASE[indicator.id] ?? 0) * (1 + 0.03 * index));
      });
      cells[indicator.id] = row;
    }
    for (const rule of table.rules) {
      if (rule.kind !== 'partsMakeWhole') continue;
      for (const year of years)
        cells[rule.whole]![year] = rule.parts.reduce(
          (sum, id) => sum + Number(cells[id]![year]),
          0,
        );
    }
    const custom: CustomRow[] = [];
    for (let i = 0; i < CUSTOM_ROWS_PER_TABLE; i += 1) {
      const id = `custom-${table.id}-${i}`;
      const kind = i < 10 ? 'count' : i < 15 ? 'percent' : 'rate';
      const row: CustomRow = { id, label: `Chỉ tiêu khác ${i + 1}`, kind };
      if (kind === 'rate') {
        row.numerator = `custom-${table.id}-${i - 15}`;
        row.denominator = `custom-${table.id}-${i - 10}`;
      } else {
        cells[id] = Object.fromEntries(
          years.map((year, index) => [year, kind === 'count' ? 100 * (i + 1) + index : 50 + i]),
        );
      }
      if (i % 2 === 0) {
        row.target = 'atLeast';
        targets[id] = 10;
      }
      custom.push(row);
    }
    const value: IndicatorTableValue = {
      cells,
      targets,
      notes: {},
      custom,
      isMarkedComplete: true,
    };
    answers[table.id] = value;
  }
  return answers;
}

// The recompute the UI runs for one keystroke.
function recompute(answers: Answers): number {
  const evaluation = evaluateAppendix(defaultTemplate, answers);
  const progress = reportProgress(defaultTemplate, answers);
  return evaluation.issues.length + progress.steps.length;
}

export async function run(): Promise<BenchResult[]> {
  const answers = fullAppendixAnswers();
  const errors = evaluateAppendix(defaultTemplate, answers).issues.filter(
    (issue) => issue.severity === 'error',
  );
  if (errors.length > 0)
    throw new Error(`The benchmark answers break rules: ${errors.map((e) => e.key).join(', ')}`);
  const rows = evaluateAppendix(defaultTemplate, answers).tables.flatMap((table) => table.rows);
  if (rows.filter((row) => row.isCustom).length !== 7 * CUSTOM_ROWS_PER_TABLE)
    throw new Error('The benchmark answers lack their custom rows');

  // Each run is one keystroke: one cell of one table changes (a new object for that
  // table, as the UI makes), the other tables are the objects of the run before.
  const tableIds = Object.keys(answers).filter((id) => id.endsWith('-table'));
  let current = answers;
  const keystroke = (i: number): Answers => {
    const tableId = tableIds[i % tableIds.length]!;
    const table = current[tableId] as IndicatorTableValue;
    const rowId = `custom-${tableId}-0`;
    const cells = { ...table.cells, [rowId]: { ...table.cells[rowId], '2013': 100 + (i % 7) } };
    current = { ...current, [tableId]: { ...table, cells } };
    return current;
  };
  let sink = 0;
  for (let i = 0; i < WARMUP_RUNS; i += 1) sink += recompute(keystroke(i));
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const next = keystroke(i);
    const start = performance.now();
    sink += recompute(next);
    times.push(performance.now() - start);
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  return [
    { name: 'appendix-recompute', value: Math.round(median(times) * 1000) / 1000, unit: 'ms' },
  ];
}
