import { Alert, App, Card, Col, Form, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef } from 'react';
import {
  type NoticeKind,
  type NoticePreview,
  type NoticeTemplate,
  useNoticePreview,
  useSaveNoticeTemplate,
} from '../../api/notices';
import { useI18n, useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';
import { useDebounced } from '../../lib/use-debounced';
import { kindName } from './notice-labels';

interface FormValues {
  subject?: string;
  body: string;
}

/** One SMS holds 70 Chinese characters; a longer text goes out in parts of 67. */
function smsParts(length: number): number {
  return length <= 70 ? 1 : Math.ceil(length / 67);
}

function PreviewCard({ channel, preview }: { channel: string; preview?: NoticePreview }) {
  const t = useT();
  if (!preview) return null;
  const unknown = preview.unknown.length > 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="notice-preview">
      <Card size="small" style={{ background: channel === 'sms' ? '#f6ffed' : '#fafafa' }}>
        {preview.subject !== null && (
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {preview.subject}
          </Typography.Text>
        )}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {preview.body}
        </Typography.Paragraph>
      </Card>
      {channel === 'sms' && (
        <Typography.Text type="secondary">
          {t('noticeTemplate.smsLength', {
            count: preview.body.length,
            parts: smsParts(preview.body.length),
          })}
        </Typography.Text>
      )}
      {unknown && (
        <Alert
          type="warning"
          showIcon
          message={t('noticeTemplate.unknown', { names: preview.unknown.join(', ') })}
        />
      )}
    </Space>
  );
}

/** Edits one template, with the kind's variables to insert and a preview rendered by the server. */
export function TemplateEditorModal(props: {
  projectId: number;
  template: NoticeTemplate;
  kind: NoticeKind;
  onClose: () => void;
}) {
  const { projectId, template, kind, onClose } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const save = useSaveNoticeTemplate();
  const [form] = Form.useForm<FormValues>();
  const bodyRef = useRef<TextAreaRef>(null);
  const hasSubject = template.channel !== 'sms';
  const subject = Form.useWatch('subject', form) as string | undefined;
  const body = Form.useWatch('body', form) as string | undefined;
  // Strings, not an object: a new object each render would restart the debounce for ever.
  const draftSubject = useDebounced(subject ?? template.subject ?? '');
  const draftBody = useDebounced(body ?? template.body);
  const preview = useNoticePreview({
    kind: template.kind,
    subject: hasSubject ? draftSubject : null,
    body: draftBody,
  });

  /** Puts `{{name}}` where the cursor is in the text, or at its end. */
  const insertVariable = (name: string) => {
    const current = (form.getFieldValue('body') as string | undefined) ?? '';
    const element = bodyRef.current?.resizableTextArea?.textArea;
    const at = element ? element.selectionStart : current.length;
    form.setFieldValue('body', `${current.slice(0, at)}{{${name}}}${current.slice(at)}`);
    element?.focus();
  };

  const submit = (values: FormValues) =>
    save.mutate(
      {
        projectId,
        body: {
          kind: template.kind,
          channel: template.channel,
          subject: hasSubject ? values.subject : null,
          body: values.body,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Modal
      open
      width={900}
      title={t('noticeTemplate.editTitle', {
        kind: kindName([kind], kind.kind, locale),
        channel: t(`notice.channel.${template.channel}`),
      })}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Row gutter={24}>
        <Col span={13}>
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={{ subject: template.subject ?? undefined, body: template.body }}
            onFinish={submit}
          >
            {hasSubject && (
              <Form.Item
                name="subject"
                label={t('noticeTemplate.subject')}
                rules={[
                  {
                    required: true,
                    message: t('common.required', { field: t('noticeTemplate.subject') }),
                  },
                ]}
              >
                <Input maxLength={200} />
              </Form.Item>
            )}
            <Form.Item
              name="body"
              label={t('noticeTemplate.body')}
              extra={t('noticeTemplate.hint')}
              rules={[
                {
                  required: true,
                  message: t('common.required', { field: t('noticeTemplate.body') }),
                },
              ]}
            >
              <Input.TextArea
                ref={bodyRef}
                autoSize={{ minRows: 5, maxRows: 12 }}
                maxLength={2000}
              />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">{t('noticeTemplate.variables')}</Typography.Text>
          <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {kind.variables.map((variable) => (
              <Tag.CheckableTag
                key={variable.name}
                checked={false}
                onChange={() => insertVariable(variable.name)}
                style={{ border: '1px dashed #d9d9d9' }}
              >
                {locale === 'en-US' ? variable.en : variable.zh} {`{{${variable.name}}}`}
              </Tag.CheckableTag>
            ))}
          </div>
        </Col>
        <Col span={11}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('noticeTemplate.preview')}
          </Typography.Text>
          <PreviewCard channel={template.channel} preview={preview.data} />
        </Col>
      </Row>
    </Modal>
  );
}
