// One way to submit a heating-stop form (the record drawer, the notice and end modals): validate,
// send, and on a refusal put the server's message on the field it names ("scope.buildings[1]"
// on the buildings input) as well as above the form. A form with list fields gives its own
// `pathOf` (an insurance claim's "losses[1].estimate" is a row's field).
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, errorText } from '../../api/client';
import { formPathOf } from './logic';

export interface ServerSubmit<V> {
  busy: boolean;
  /** The last refusal's message, shown above the form. */
  failure: string | undefined;
  clearFailure: () => void;
  /** Validates the form and sends its values; the answer, or undefined when refused or invalid. */
  submit: <T>(send: (values: V) => Promise<T>) => Promise<T | undefined>;
}

export function useServerSubmit<V>(
  form: FormInstance<V>,
  known: readonly string[],
  pathOf: (field: string | undefined, known: readonly string[]) => Array<string | number> | null = formPathOf,
): ServerSubmit<V> {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = useCallback(
    async <T>(send: (values: V) => Promise<T>): Promise<T | undefined> => {
      let values: V;
      try {
        values = await form.validateFields();
      } catch {
        return undefined;
      }
      setBusy(true);
      setFailure(undefined);
      try {
        return await send(values);
      } catch (e) {
        if (e instanceof ApiError) {
          const path = pathOf(e.field, known);
          if (path) form.setFields([{ name: path as never, errors: [e.message] }]);
        }
        setFailure(errorText(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [form, known, pathOf],
  );

  const clearFailure = useCallback(() => setFailure(undefined), []);
  return { busy, failure, clearFailure, submit };
}
