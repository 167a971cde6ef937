// 登记公告: the modal in which a company's manager records an announcement of a district's season
// (POST /api/v1/season_announcements, R-SEASON-1, W 5.2.5): the day it was published (today by
// default, never after it: an announcement dated ahead counts as none), the channel and the
// reference the regulator checks. The company, district, season and kind come from the row. A
// refusal goes on the field the server names, else above the form (recorded already, a district
// not licensed to the company).
import { ModalForm, ProFormDatePicker, ProFormSelect, ProFormText, type ProFormInstance } from '@ant-design/pro-components';
import { Alert, App } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import type { SeasonAnnouncement, SeasonDuty, SeasonDutyRow } from '../../api/types';
import { useT } from '../../i18n';
import { ANNOUNCEMENTS_PATH, announceBody, announceRefusal, CHANNELS, channelText, dayBefore, districtText, kindKey, type AnnounceValues } from './logic';

export interface AnnounceModalProps {
  row: SeasonDutyRow;
  duty: SeasonDuty;
  /** The season answered (the year it starts). */
  season: number;
  /** The server's day: the default publication day and the last one that may be picked. */
  today: string;
  onClose: () => void;
  onDone: (announcement: SeasonAnnouncement) => void;
}

export default function AnnounceModal({ row, duty, season, today, onClose, onDone }: AnnounceModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const formRef = useRef<ProFormInstance<AnnounceValues>>();
  const [failure, setFailure] = useState<string>();
  const kind = t(kindKey(duty.kind));

  async function finish(values: AnnounceValues): Promise<boolean> {
    setFailure(undefined);
    try {
      const recorded = await api.post<SeasonAnnouncement>(ANNOUNCEMENTS_PATH, announceBody(row, duty.kind, season, values));
      message.success(t('seasons.announced', { kind, district: districtText(row) }));
      onDone(recorded);
      return true;
    } catch (e) {
      const refusal = announceRefusal(e);
      if (refusal.field) formRef.current?.setFields([{ name: refusal.field, errors: [refusal.message] }]);
      else setFailure(refusal.key ? t(refusal.key) : refusal.message);
      return false;
    }
  }

  return (
    <ModalForm<AnnounceValues>
      open
      name="announce"
      title={t('seasons.announceTitle', { kind, district: districtText(row) })}
      width={520}
      formRef={formRef}
      initialValues={{ published_on: today }}
      modalProps={{ okText: t('seasons.announceSubmit'), cancelText: t('common.cancel'), maskClosable: false }}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      onFinish={finish}
    >
      <Alert
        type="info"
        showIcon
        role="note"
        data-testid="announce-hint"
        message={t('seasons.announceHint', { kind, day: duty.announced_day, deadline: dayBefore(duty.announced_day) })}
        style={{ marginBottom: 16 }}
      />
      {failure && <Alert type="error" showIcon role="alert" data-testid="announce-failure" message={failure} closable onClose={() => setFailure(undefined)} style={{ marginBottom: 12 }} />}
      <ProFormDatePicker
        name="published_on"
        label={t('seasons.publishedOn')}
        rules={[{ required: true, message: t('seasons.publishedOnRequired') }]}
        fieldProps={{
          format: 'YYYY-MM-DD',
          style: { width: '100%' },
          allowClear: false,
          disabledDate: (d: Dayjs) => d.format('YYYY-MM-DD') > today,
        }}
      />
      <ProFormSelect
        name="channel"
        label={t('seasons.channel')}
        rules={[{ required: true, message: t('seasons.channelRequired') }]}
        options={CHANNELS.map((c) => ({ value: c, label: channelText(t, c) }))}
        placeholder={t('seasons.channelPlaceholder')}
      />
      <ProFormText
        name="reference"
        label={t('seasons.reference')}
        rules={[{ required: true, whitespace: true, message: t('seasons.referenceRequired') }]}
        placeholder={t('seasons.referencePlaceholder')}
      />
    </ModalForm>
  );
}
