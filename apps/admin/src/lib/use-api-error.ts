import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client';

/** `assignments.0.resourceId` → ['assignments', 0, 'resourceId'], a form NamePath. */
function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows a failed call's message and, when a form is given, marks each field the server
 * named in `details` (the form's field names match the request body's).
 */
export function useApiError() {
  const { message } = App.useApp();

  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        void message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      if (form && error.details.length > 0) {
        form.setFields(
          error.details.map((issue) => ({ name: namePath(issue.field), errors: [issue.message] })),
        );
      }
      void message.error(error.message);
    },
    [message],
  );
}
