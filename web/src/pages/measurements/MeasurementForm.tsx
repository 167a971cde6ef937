// 入户测温 entry (R-TEMP-4): every rule checked on its field as the technician types, each
// problem named by its rule ("R-TEMP-4 高度：…"); what the server still refuses (another profile,
// a room the household lacks, a time in the future) is put on the field it names.
import { MinusCircleOutlined, PlusOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { ProForm } from '@ant-design/pro-components';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo, useState } from 'react';
import { ApiError, errorText } from '../../api/client';
import type { Violation } from '../../api/types';
import { formatDateTime } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { checkMeasurement, FIELD_OF_CHECK, formPath, isThermometer, problemsOf, toRfc3339, type Check, type MeasurementValues, type Problem, parseBeijing } from './rules';

export interface HouseholdOption {
  id: number;
  label: string;
}

export interface MeasurementFormProps {
  /** Looks households up for the picker (the search route); [] for a too-short query. */
  searchHouseholds: (q: string) => Promise<HouseholdOption[]>;
  /** The household's room names. */
  roomsOf: (householdId: number) => Promise<string[]>;
  /** Sends the body (POST /api/v1/measurements); rejects with ApiError. */
  submit: (body: Record<string, unknown>) => Promise<void>;
}

export function problemText(t: Translate, p: Problem): string {
  return t('measure.ruleMessage', { check: t(`measure.check.${p.check}` as MessageKey), message: t(p.key, p.vars) });
}

const CHECKS = Object.keys(FIELD_OF_CHECK) as Check[];

/** The body the API takes, from the form's values. */
export function measurementBody(v: MeasurementValues): Record<string, unknown> {
  const thermometer = isThermometer(v.instrument);
  const body: Record<string, unknown> = {
    household_id: v.household_id,
    room: v.room,
    instrument: v.instrument,
    resolution: v.resolution,
    system_running: !!v.system_running,
    environment: (v.environment ?? '').trim(),
    readings: (v.readings ?? []).map((r) => {
      const out: Record<string, unknown> = { at: toRfc3339(r.at ?? ''), value: r.value };
      if (!thermometer && r.point) out.point = r.point;
      return out;
    }),
    radiators_uncovered: !!v.radiators_uncovered,
    shielded: !!v.shielded,
    inspector_still: !!v.inspector_still,
    third_party: !!v.third_party,
    signature: v.signature ?? 'pending',
  };
  if (v.closed_minutes !== null && v.closed_minutes !== undefined) body.closed_minutes = v.closed_minutes;
  if (thermometer) {
    body.at_room_centre = !!v.at_room_centre;
    if (v.height_cm !== null && v.height_cm !== undefined) body.height_cm = v.height_cm;
  } else {
    body.cold_outer_wall = !!v.cold_outer_wall;
  }
  if (v.signature === 'signed' || v.signature === 'refused') {
    body.signature_record = { by: (v.signature_by ?? '').trim(), at: toRfc3339(v.signature_at ?? ''), via: 'device' };
  }
  return body;
}

/**
 * The form fields an API refusal names: a 400 breaking R-TEMP-4 lists its violations, each put
 * on the field of its check; another error with a "field" goes on that field. [] otherwise.
 */
export function serverErrorFields(e: ApiError): Array<{ name: string | Array<string | number>; errors: string[] }> {
  const violations = (e.body?.violations as Violation[] | undefined) ?? [];
  if (violations.length) {
    const byField = new Map<string, string[]>();
    for (const v of violations) {
      const check = v.check as Check;
      const field = CHECKS.includes(check) ? FIELD_OF_CHECK[check] : 'readings';
      byField.set(field, [...(byField.get(field) ?? []), v.message]);
    }
    return [...byField].map(([name, errors]) => ({ name, errors }));
  }
  if (e.field && e.field !== 'body' && e.field !== 'measurement') return [{ name: formPath(e.field), errors: [e.message] }];
  return [];
}

/** Beijing time "YYYY-MM-DD HH:mm:ss" of an epoch ms, as the time fields take it. */
export function beijingText(ms: number): string {
  return formatDateTime(ms, true);
}

export default function MeasurementForm({ searchHouseholds, roomsOf, submit }: MeasurementFormProps) {
  const t = useT();
  const [form] = Form.useForm<MeasurementValues>();
  const [households, setHouseholds] = useState<HouseholdOption[]>([]);
  const [rooms, setRooms] = useState<string[]>([]);
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const instrument = Form.useWatch('instrument', form);
  const signature = Form.useWatch('signature', form);
  const thermometer = isThermometer(instrument);

  // A field's rule: its R-TEMP-4 problems given every value in the form now.
  const ruleOf = useMemo(
    () =>
      (field: string): Rule => ({
        validator: async () => {
          const problems = problemsOf(field, form.getFieldsValue(true) as MeasurementValues);
          if (problems.length) throw new Error(problems.map((p) => problemText(t, p)).join('\n'));
        },
      }),
    [form, t],
  );
  // Errors on fields named at run time (a rule's field, the server's "field").
  const setErrors = (list: Array<{ name: string | Array<string | number>; errors: string[] }>) => form.setFields(list as never);
  const required = (label: string): Rule => ({ required: true, message: t('measure.required', { what: label }) });

  async function onFinish(values: MeasurementValues) {
    setFailure(undefined);
    setSaved(undefined);
    const all = form.getFieldsValue(true) as MeasurementValues;
    const problems = checkMeasurement({ ...all, ...values });
    if (problems.length) {
      setErrors(
        [...new Set(problems.map((p) => FIELD_OF_CHECK[p.check]))].map((f) => ({
          name: f,
          errors: problems.filter((p) => FIELD_OF_CHECK[p.check] === f).map((p) => problemText(t, p)),
        })),
      );
      return false;
    }
    try {
      await submit(measurementBody(all));
      setSaved(t('measure.saved'));
      form.resetFields();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setFailure(errorText(e));
        return false;
      }
      const fields = serverErrorFields(e);
      if (fields.length) {
        setErrors(fields);
        setFailure(t('measure.refused'));
      } else {
        setFailure(e.message);
      }
      return false;
    }
  }

  function fillTimes() {
    const now = Date.now();
    const readings = (form.getFieldValue('readings') as MeasurementValues['readings']) ?? [];
    const n = Math.max(readings.length, 3);
    const next = Array.from({ length: n }, (_, i) => ({ ...(readings[i] ?? {}), at: beijingText(now - (n - 1 - i) * 180_000) }));
    form.setFieldValue('readings', next);
    void form.validateFields([['readings']], { recursive: true }).catch(() => undefined);
  }

  const timeRule: Rule = {
    validator: async (_, v: string | undefined) => {
      if (!v) throw new Error(t('measure.required', { what: t('measure.readingAt') }));
      if (Number.isNaN(parseBeijing(v))) throw new Error(t('measure.badTime'));
    },
  };

  return (
    <div data-testid="measurement-form">
      <ProForm<MeasurementValues>
        form={form}
        name="measurement"
        layout="vertical"
        validateTrigger={['onChange', 'onBlur']}
        initialValues={{ instrument: 'digital-thermometer', resolution: 0.1, signature: 'pending', readings: [{}, {}, {}] }}
        onValuesChange={(changed) => {
          setSaved(undefined);
          // The readings' rules depend on the instrument and on every reading's time and point.
          if ('readings' in changed || 'instrument' in changed) {
            void form.validateFields([['readings']]).catch(() => undefined);
          }
          if ('instrument' in changed) {
            void form.validateFields(['height_cm', 'at_room_centre', 'cold_outer_wall'].filter((f) => form.isFieldTouched(f as never))).catch(() => undefined);
          }
        }}
        onFinish={onFinish}
        onFinishFailed={() => setFailure(t('measure.fixFirst'))}
        submitter={{ searchConfig: { submitText: t('common.save'), resetText: t('measure.clear') } }}
      >
        {failure && <Alert type="error" showIcon role="alert" message={failure} style={{ marginBottom: 16 }} />}
        {saved && <Alert type="success" showIcon role="status" message={saved} style={{ marginBottom: 16 }} />}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="household_id" label={t('measure.household')} rules={[required(t('measure.household'))]}>
              <Select
                showSearch
                filterOption={false}
                placeholder={t('measure.householdPlaceholder')}
                notFoundContent={null}
                options={households.map((h) => ({ value: h.id, label: h.label }))}
                onSearch={(q) => {
                  void searchHouseholds(q).then(setHouseholds, () => setHouseholds([]));
                }}
                onChange={(id: number) => {
                  form.setFieldValue('room', undefined);
                  setRooms([]);
                  void roomsOf(id).then(setRooms, () => setRooms([]));
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="room" label={t('measure.room')} rules={[required(t('measure.room'))]}>
              <Select options={rooms.map((r) => ({ value: r, label: r }))} placeholder={t('measure.roomPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="instrument" label={t('measure.instrument')} rules={[required(t('measure.instrument'))]}>
              <Select
                options={(['glass-thermometer', 'digital-thermometer', 'infrared-gun'] as const).map((i) => ({ value: i, label: t(`instrument.${i}` as MessageKey) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="resolution" label={t('measure.resolution')} rules={[ruleOf('resolution')]}>
              <InputNumber min={0} step={0.01} controls={false} suffix="°C" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="environment" label={t('measure.environment')} rules={[ruleOf('environment')]}>
              <Input placeholder={t('measure.environmentPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="closed_minutes" label={t('measure.closedMinutes')} rules={[ruleOf('closed_minutes')]}>
              <InputNumber min={0} max={100000} precision={0} controls={false} suffix={t('measure.minutes')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {thermometer ? (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="height_cm" label={t('measure.height')} rules={[ruleOf('height_cm')]}>
                  <InputNumber min={0} max={100000} precision={0} controls={false} suffix="cm" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="at_room_centre" valuePropName="checked" rules={[ruleOf('at_room_centre')]} label={t('measure.placement')}>
                  <Checkbox>{t('measure.atCentre')}</Checkbox>
                </Form.Item>
              </Col>
            </>
          ) : (
            <Col xs={24} md={12}>
              <Form.Item name="cold_outer_wall" valuePropName="checked" rules={[ruleOf('cold_outer_wall')]} label={t('measure.placement')}>
                <Checkbox>{t('measure.coldWall')}</Checkbox>
              </Form.Item>
            </Col>
          )}
        </Row>

        <Form.List
          name="readings"
          rules={[
            {
              validator: async () => {
                const problems = problemsOf('readings', form.getFieldsValue(true) as MeasurementValues);
                if (problems.length) throw new Error(problems.map((p) => problemText(t, p)).join('\n'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px', marginBottom: 16 }}>
              <legend style={{ width: 'auto', fontSize: 14, padding: '0 4px', marginBottom: 0, border: 0 }}>{t('measure.readings')}</legend>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {thermometer ? t('measure.readingsHintThermometer') : t('measure.readingsHintGun')}
              </Typography.Paragraph>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'at']} label={t('measure.readingN', { n: index + 1 })} rules={[timeRule]}>
                    <Input placeholder="2026-01-05 10:00:00" style={{ width: 190 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'value']}
                    label={t('measure.readingValue', { n: index + 1 })}
                    rules={[required(t('measure.readingValueShort'))]}
                  >
                    <InputNumber step={0.1} controls={false} suffix="°C" style={{ width: 140 }} />
                  </Form.Item>
                  {!thermometer && (
                    <Form.Item name={[field.name, 'point']} label={t('measure.point', { n: index + 1 })} rules={[required(t('measure.pointShort'))]}>
                      <Select
                        style={{ width: 110 }}
                        options={(['upper', 'middle', 'lower'] as const).map((p) => ({ value: p, label: t(`point.${p}` as MessageKey) }))}
                      />
                    </Form.Item>
                  )}
                  <Form.Item label=" ">
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('measure.removeReading', { n: index + 1 })} onClick={() => remove(field.name)} />
                  </Form.Item>
                </Space>
              ))}
              <Space wrap>
                <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20}>
                  {t('measure.addReading')}
                </Button>
                <Button icon={<FieldTimeOutlined />} onClick={fillTimes}>
                  {t('measure.fillTimes')}
                </Button>
              </Space>
              <Form.ErrorList errors={errors.map((e, i) => <div key={i} style={{ whiteSpace: 'pre-line' }}>{e}</div>)} />
            </fieldset>
          )}
        </Form.List>

        <Row gutter={16}>
          {(
            [
              ['system_running', 'measure.systemRunning'],
              ['radiators_uncovered', 'measure.radiatorsUncovered'],
              ['shielded', 'measure.shielded'],
              ['inspector_still', 'measure.inspectorStill'],
            ] as Array<[string, MessageKey]>
          ).map(([name, label]) => (
            <Col xs={24} md={12} key={name}>
              <Form.Item name={name} valuePropName="checked" rules={[ruleOf(name)]}>
                <Checkbox>{t(label)}</Checkbox>
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} md={12}>
            <Form.Item name="third_party" valuePropName="checked">
              <Checkbox>{t('measure.thirdParty')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="signature" label={t('measure.signature')} extra={t('measure.signatureHint')}>
          <Radio.Group
            options={(['pending', 'signed', 'refused'] as const).map((s) => ({ value: s, label: t(`signature.${s}` as MessageKey) }))}
          />
        </Form.Item>
        {(signature === 'signed' || signature === 'refused') && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="signature_by" label={t('measure.signatureBy')} rules={[required(t('measure.signatureBy'))]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="signature_at" label={t('measure.signatureAt')} rules={[timeRule]}>
                <Input placeholder="2026-01-05 10:10:00" />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ProForm>
    </div>
  );
}

