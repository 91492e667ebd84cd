// Numbers as Vietnamese people type and read them: "1.234" is one thousand two hundred
// and thirty-four, "12,5" is twelve and a half. Pasted spreadsheets may use English
// formats ("1,234", "12.5"); both are read.

// A group separator pattern: 1-3 digits, not starting with 0 ("0,125" is a decimal),
// then groups of exactly three.
const grouped = (separator: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${separator}\\d{3})+$`);
const dotGroups = grouped('.');
const commaGroups = grouped(',');

// The number typed or pasted, or null for a blank cell, or undefined when it does not
// read as a number.
export function parseVietnameseNumber(input: string): number | null | undefined {
  let text = input.normalize('NFC').replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return null;
  text = text.replace(/%$/, ''); // a lone "%" is not a blank cell
  let sign = 1;
  if (/^[-−–]/.test(text)) {
    sign = -1;
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return undefined;
  const hasDot = text.includes('.');
  const hasComma = text.includes(',');
  let canonical: string;
  if (hasDot && hasComma) {
    // The separator that comes last is the decimal one.
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, fraction, ...rest] = text.split(decimal);
    if (rest.length > 0 || fraction === undefined || !grouped(group).test(whole!)) return undefined;
    canonical = `${whole!.replaceAll(group, '')}.${fraction}`;
  } else if (hasDot) {
    canonical = dotGroups.test(text) ? text.replaceAll('.', '') : text;
  } else if (hasComma) {
    canonical = commaGroups.test(text) ? text.replaceAll(',', '') : text.replace(',', '.');
  } else {
    canonical = text;
  }
  if (!/^\d+(?:\.\d+)?$/.test(canonical)) return undefined;
  // "-0" is 0: never shown as "-0".
  return sign * Number(canonical) || 0;
}

const countFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

// "1.234" for counts, "12,5%" and "13,0%" for rates (always one decimal).
export function formatVietnameseNumber(value: number, unit: 'count' | 'percent'): string {
  return unit === 'percent' ? `${percentFormat.format(value)}%` : countFormat.format(value);
}

// A whole quantity typed without grouping, the Vietnamese way: "1500" → "1.500"; any
// other text (already grouped, a range, a word) as it is.
export function groupedQuantity(text: string): string {
  return /^\d{4,15}$/.test(text) ? formatVietnameseNumber(Number(text), 'count') : text;
}
