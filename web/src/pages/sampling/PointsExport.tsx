// 导出 CSV / 导出 Excel of an adopted plan's points as followed today (R-SAMPLE-3): GET
// /api/v1/sample_plans/{id}/follow-up?format=csv|xlsx, `staff` narrowing them to one technician's
// (a technician's round sheet). The server names the file; a refusal shows under the buttons.
import { Alert, Button, Flex } from 'antd';
import { errorText } from '../../api/client';
import { useDownload } from '../../api/useDownload';
import { useT } from '../../i18n';
import { SAMPLE_PLANS_PATH } from './adopted';

export interface PointsExportProps {
  plan: { id: number; season: number };
  staff?: string;
  /** data-testid prefix: `${testId}-csv`, `${testId}-xlsx`, `${testId}-error`. */
  testId: string;
}

/** The download's name when the server's Content-Disposition gives none (it always does). */
export function pointsFileName(plan: { id: number; season: number }, staff: string | undefined, format: 'csv' | 'xlsx'): string {
  return `sample-plan-${plan.id}-${plan.season}${staff ? `-${staff}` : ''}.${format}`;
}

export default function PointsExport({ plan, staff, testId }: PointsExportProps) {
  const t = useT();
  const exports = useDownload<'csv' | 'xlsx'>();
  const exportAs = (format: 'csv' | 'xlsx') =>
    exports.start(format, `${SAMPLE_PLANS_PATH}/${plan.id}/follow-up`, { format, staff: staff || undefined }, pointsFileName(plan, staff, format));
  const failure = exports.error ? t('sampling.exportFailed', { message: errorText(exports.error) }) : null;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap="wrap">
        <Button loading={exports.busy === 'csv'} onClick={() => void exportAs('csv')} data-testid={`${testId}-csv`}>
          {t('sampling.exportCsv')}
        </Button>
        <Button loading={exports.busy === 'xlsx'} onClick={() => void exportAs('xlsx')} data-testid={`${testId}-xlsx`}>
          {t('sampling.exportXlsx')}
        </Button>
      </Flex>
      {failure && <Alert type="error" showIcon closable data-testid={`${testId}-error`} message={failure} onClose={exports.clear} />}
    </Flex>
  );
}
