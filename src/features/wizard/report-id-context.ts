import { createContext, useContext } from 'react';

// The open report's id, for fields that store or delete things of their own (photos).
export const ReportIdContext = createContext<string | null>(null);

export function useReportId(): string {
  const reportId = useContext(ReportIdContext);
  if (reportId === null) throw new Error('useReportId outside ReportIdContext');
  return reportId;
}
