// 登记理赔: the drawer that records an insurance claim (POST /api/v1/insurance-claims, R-INS-1):
// the household (its id), when the loss happened (Beijing time, sent as RFC 3339 with +08:00),
// what happened, whether anyone was hurt (W 13.4), the photo references and the loss list (item
// and estimate in yuan, row by row). A refusal goes on the field the server names, a loss row's
// too ("losses[1].estimate"); full width on a phone.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Claim } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { beijingWallMinute, pickedMs } from '../outages/logic';
import { BeijingPicker } from '../outages/parts';
import { useServerSubmit } from '../outages/useServerSubmit';
import { CLAIM_FIELDS, claimBody, claimFieldPath, yuanProblem, type ClaimValues } from './logic';

export interface RecordClaimDrawerProps {
  /** The household to fill in (the list's household filter). */
  household?: number;
  onClose: () => void;
  onDone: (claim: Claim) => void;
}

export default function RecordClaimDrawer({ household, onClose, onDone }: RecordClaimDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<ClaimValues>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, CLAIM_FIELDS, claimFieldPath);

  const required = (what: MessageKey) => ({ required: true, whitespace: true, message: t('claim.required', { what: t(what) }) });
  const chosen = (what: MessageKey) => ({ required: true, message: t('claim.required', { what: t(what) }) });

  async function save() {
    const claim = await submit((v) => api.post<Claim>('/api/v1/insurance-claims', claimBody(v)));
    if (!claim) return;
    message.success(t('claim.recorded', { id: claim.id }));
    onDone(claim);
  }

  return (
    <Drawer
      open
      width={narrow ? '100%' : 600}
      title={t('claim.recordTitle')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="claim-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<ClaimValues>
        form={form}
        layout="vertical"
        name="claim"
        data-testid="claim-form"
        initialValues={{ household: household ?? null, incident_at: dayjs(beijingWallMinute(Date.now())), injuries: false, photos: [], losses: [{}] }}
      >
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        <Flex gap={16} wrap="wrap">
          <Form.Item name="household" label={t('claim.householdId')} style={{ flex: '1 1 160px' }} rules={[chosen('claim.householdId')]}>
            <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} placeholder={t('claim.householdIdPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="incident_at"
            label={t('claim.incidentAtLabel')}
            style={{ flex: '1 1 200px' }}
            rules={[
              chosen('claim.incidentAt'),
              {
                validator: async (_, v?: Dayjs | null) => {
                  if (v && pickedMs(v) > Date.now() + 60_000) throw new Error(t('claim.notFuture'));
                },
              },
            ]}
          >
            <BeijingPicker />
          </Form.Item>
        </Flex>
        <Form.Item name="incident" label={t('claim.incident')} rules={[required('claim.incident')]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('claim.incidentPlaceholder')} />
        </Form.Item>
        <Form.Item name="injuries" label={t('claim.injuries')} valuePropName="checked" extra={t('claim.injuriesHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="photos" label={t('claim.photos')} extra={t('claim.photosHint')} rules={[{ required: true, type: 'array', min: 1, message: t('claim.photosRequired') }]}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder={t('claim.photosPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('claim.losses')} required={false} style={{ marginBottom: 0 }}>
          <Form.List name="losses">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Flex key={row.key} gap={8} align="baseline" data-testid="claim-loss-row">
                    <Form.Item name={[row.name, 'item']} style={{ flex: '2 1 0' }} rules={[required('claim.lossItem')]}>
                      <Input maxLength={200} placeholder={t('claim.lossItemPlaceholder')} aria-label={t('claim.lossItem')} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'estimate']}
                      style={{ flex: '1 1 0' }}
                      rules={[
                        {
                          validator: async (_, v?: string) => {
                            if (yuanProblem(v)) throw new Error(t('claim.yuanFormat'));
                          },
                        },
                      ]}
                    >
                      <Input inputMode="decimal" prefix="¥" placeholder={t('claim.lossEstimatePlaceholder')} aria-label={t('claim.lossEstimate')} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('claim.removeLoss')} onClick={() => remove(row.name)} />
                  </Flex>
                ))}
                <Form.Item>
                  <Button type="dashed" block icon={<PlusOutlined />} data-testid="claim-add-loss" onClick={() => add({})}>
                    {t('claim.addLoss')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
