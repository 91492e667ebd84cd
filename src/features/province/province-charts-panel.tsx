// Biểu đồ so sánh: the office chooses which indicators the province report charts (units
// × years, with the target), sees each chart as it will print, and the choice is kept
// with the report's appendix snapshot (it survives an update of the figures). The charts
// are drawn from the snapshot, like the appendix.
import { useEffect, useId, useState } from 'react';
import { layoutComparisonChart } from '@/domain/chart/comparison-chart';
import { chartableIndicators, MAX_CHARTS, provinceCharts } from '@/domain/chart/province-charts';
import { snapshotSource, type AppendixSnapshot } from '@/domain/rollup/province-report';
import { measureTimes } from '@/export/docx/times-metrics';
import { viChart as t } from '@/i18n/vi-chart';
import { getDatabase } from '@/storage/db';
import { saveProvinceCharts } from '@/storage/province-report-repository';
import { ChartSvg } from './chart-svg';
import { officeTemplate } from './use-office';
import { provinceTemplate } from './use-province-report';

const indicators = chartableIndicators(provinceTemplate);
const tables = [...new Set(indicators.map((i) => i.table))];
// The print width (the portrait text block) from this screen width on; a narrower chart
// below it, so its text stays readable on a phone.
const WIDE = '(min-width: 640px)';

function useChartWidth(): number {
  const [isWide, setWide] = useState(
    () => typeof window === 'undefined' || window.matchMedia(WIDE).matches,
  );
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const change = () => setWide(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return isWide ? 160 : 95;
}

export function ProvinceChartsPanel({ held }: { held: AppendixSnapshot }) {
  const id = useId();
  const width = useChartWidth();
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const chosen = held.charts ?? officeTemplate.provinceLevel?.charts ?? [];
  const charts = provinceCharts(provinceTemplate, held, chosen, snapshotSource(held));

  const save = async (next: string[]) => {
    setMessage(null);
    try {
      const saved = await saveProvinceCharts(getDatabase(), held.reportId, next);
      setMessage(saved ? { text: t.saved, isError: false } : { text: t.saveFailed, isError: true });
    } catch {
      setMessage({ text: t.saveFailed, isError: true });
    }
  };
  const change = (index: number, indicatorId: string) =>
    void save(
      indicatorId === ''
        ? chosen.filter((_, i) => i !== index)
        : chosen.map((current, i) => (i === index ? indicatorId : current)),
    );
  const unused = indicators.find((i) => !chosen.includes(i.id));

  return (
    <section className="province-charts" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.heading}</h3>
      <p>{t.intro}</p>
      {!held.series ? <p className="notice warning">{t.noSeries}</p> : null}
      <ol className="chart-choices">
        {chosen.map((indicatorId, index) => (
          <li key={`${index}-${indicatorId}`}>
            <label htmlFor={`${id}-c${index}`}>{t.choiceLabel(index + 1)}</label>
            <select
              id={`${id}-c${index}`}
              value={indicatorId}
              onChange={(event) => change(index, event.target.value)}
            >
              <option value="">{t.none}</option>
              {tables.map((table) => (
                <optgroup key={table} label={table}>
                  {indicators
                    .filter((i) => i.table === table)
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </li>
        ))}
      </ol>
      {chosen.length < MAX_CHARTS && unused ? (
        <button
          type="button"
          className="secondary"
          onClick={() => void save([...chosen, unused.id])}
        >
          {t.add}
        </button>
      ) : null}
      {message ? (
        <p className={`notice ${message.isError ? 'error' : 'success'}`} role="status">
          {message.text}
        </p>
      ) : null}
      {charts.length > 0 ? (
        <div className="chart-previews">
          <h4>{t.preview}</h4>
          {charts.map((chart) => (
            <figure key={chart.title}>
              <ChartSvg
                drawing={layoutComparisonChart(chart, { width, measure: measureTimes })}
                label={t.chartLabel(chart.title)}
              />
            </figure>
          ))}
        </div>
      ) : null}
    </section>
  );
}
