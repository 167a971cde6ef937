import { ApiError } from '../../api/client';
import { translate } from '../../i18n';
import { payRefusal, type OwnRefusal } from './usePaySubmit';

const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

/** A modal's own case, as PayModal's: 409 naming choice. */
const offset: OwnRefusal = (e) => (e.status === 409 && e.field === 'choice' ? { message: zh('refunds.payOffset'), detail: e.message, final: true } : undefined);

describe('payRefusal: on the pay field it names, else above the form', () => {
  it.each([
    ['reference', new ApiError(422, 'invalid', 'reference is at most 100 bytes', 'reference'), { field: 'reference', text: 'reference is at most 100 bytes' }],
    ['method', new ApiError(422, 'invalid', 'unknown method', 'method'), { field: 'method', text: 'unknown method' }],
    ['the own case', new ApiError(409, 'conflict', 'offset chosen', 'choice'), { failure: { message: zh('refunds.payOffset'), detail: 'offset chosen', final: true } }],
    ['another field', new ApiError(409, 'conflict', 'not approved', 'status'), { failure: { message: '操作未成功：not approved' } }],
    ['no field', new ApiError(500, 'internal', 'boom'), { failure: { message: '操作未成功：boom' } }],
    ['not an ApiError', new TypeError('Failed to fetch'), { failure: { message: '操作未成功：Failed to fetch' } }],
    ['not an Error', 'odd', { failure: { message: '操作未成功：odd' } }],
  ])('%s', (_, e, want) => {
    expect(payRefusal(zh, e, offset)).toEqual(want);
  });

  it('asks the modal only about an ApiError not naming a pay field', () => {
    const own = vi.fn<OwnRefusal>(() => undefined);
    payRefusal(zh, new ApiError(422, 'invalid', 'x', 'reference'), own);
    payRefusal(zh, new Error('x'), own);
    expect(own).not.toHaveBeenCalled();
    payRefusal(zh, new ApiError(409, 'conflict', 'x', 'id'), own);
    expect(own).toHaveBeenCalledTimes(1);
  });
});
