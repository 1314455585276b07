import { App, Form, Modal } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n';
import { useApiError } from '../lib/use-api-error';

interface FormModalProps<V> {
  open: boolean;
  title: string;
  /** The form's name: field ids become `<name>_<field>`. */
  name: string;
  /** What the form shows each time it opens. */
  initialValues: Partial<V>;
  /** Editing says “saved” on success, creating says “created”. */
  editing: boolean;
  saving: boolean;
  /** Sends the form; a refusal's field details land on the fields. */
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  width?: number;
  /** The Form.Items; inside, Form.useFormInstance() reaches the form. */
  children: ReactNode;
}

/** A create or edit dialog: vertical form, Save and Cancel, server field errors on fields. */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { open, title, name, initialValues, editing, saving, onSubmit, onClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<V>();
  // Read when the dialog opens only, so a parent's re-render never wipes what was typed.
  const initial = useRef(initialValues);
  initial.current = initialValues;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial.current as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, form]);

  const submit = async (values: V) => {
    try {
      await onSubmit(values);
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (error) {
      showError(error, form);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={props.width ?? 640}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form<V>
        name={name}
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        style={{ marginTop: 16 }}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
